import rule from "../../rules/workload-no-rolling-update.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
