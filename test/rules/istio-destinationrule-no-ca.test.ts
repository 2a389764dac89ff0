import rule from "../../rules/istio-destinationrule-no-ca.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
