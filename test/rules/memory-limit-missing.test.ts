import rule from "../../rules/memory-limit-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
