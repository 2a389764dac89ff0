import rule from "../../rules/limitrange-incomplete.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
