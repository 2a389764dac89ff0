import rule from "../../rules/workload-selector-mismatch.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
