import rule from "../../rules/known-risky-workload.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
