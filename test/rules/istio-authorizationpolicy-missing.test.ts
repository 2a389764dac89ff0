import rule from "../../rules/istio-authorizationpolicy-missing.js";
import { runRuleTests } from "../rule-tester.js";
import { runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
runCrossCases(rule.name);
