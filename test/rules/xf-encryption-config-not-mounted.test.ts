import rule from "../../rules/xf-encryption-config-not-mounted.js";
import { runRuleTests } from "../rule-tester.js";
import { runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
runCrossCases(rule.name);
