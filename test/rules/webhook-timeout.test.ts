import rule from "../../rules/webhook-timeout.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
