import rule from "../../rules/webhook-inventory.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
