import rule from "../../rules/service-traffic-policy.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
