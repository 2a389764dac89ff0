import rule from "../../rules/misplaced-security-field.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
