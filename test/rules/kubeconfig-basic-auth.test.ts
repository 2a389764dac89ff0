import rule from "../../rules/kubeconfig-basic-auth.js";
import { runRuleTests } from "../rule-tester.js";
import { itNeverPrintsSecrets } from "./_no-secret.js";

runRuleTests(rule, {
  valid: [{ name: "username without password", code: "apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n    username: admin\n    tokenFile: /run/t\n" }],
});
itNeverPrintsSecrets("kubeconfig-basic-auth", "basic-auth.yaml", ["S3cr3t-Passw0rd"], 1);
