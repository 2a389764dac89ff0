import rule from "../../rules/resourcequota-incomplete.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
