import { readFileSync } from "node:fs";
import { join } from "node:path";
import rule from "../../rules/kubeconfig-embedded-client-key.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

runRuleTests(rule);
const fixture = readFileSync(join(FIXTURES, "kubeconfig-embedded-client-key", "invalid", "admin-conf.yaml"), "utf8");
const key = /client-key-data: (\S+)/u.exec(fixture)![1]!;
itNeverPrintsSecrets("kubeconfig-embedded-client-key", "admin-conf.yaml", [key, key.slice(0, 24)], 1);
