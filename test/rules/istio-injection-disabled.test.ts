import rule from "../../rules/istio-injection-disabled.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
