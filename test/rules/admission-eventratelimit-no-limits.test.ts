import rule from "../../rules/admission-eventratelimit-no-limits.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
