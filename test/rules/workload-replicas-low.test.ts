import rule from "../../rules/workload-replicas-low.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
