import rule from "../../rules/duplicate-env-var.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
