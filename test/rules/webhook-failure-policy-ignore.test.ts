import rule from "../../rules/webhook-failure-policy-ignore.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
