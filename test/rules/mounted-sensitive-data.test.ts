import rule from "../../rules/mounted-sensitive-data.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
