import rule from "../../rules/cpu-request-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
