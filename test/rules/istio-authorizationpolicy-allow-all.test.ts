import rule from "../../rules/istio-authorizationpolicy-allow-all.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
