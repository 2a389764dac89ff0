import rule from "../../rules/memory-request-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
