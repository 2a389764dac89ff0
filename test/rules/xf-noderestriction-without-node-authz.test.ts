import rule from "../../rules/xf-noderestriction-without-node-authz.js";
import { runRuleTests } from "../rule-tester.js";
import { runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
runCrossCases(rule.name);
