import rule from "../../rules/cpu-limit-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
