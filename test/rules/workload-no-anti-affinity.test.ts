import rule from "../../rules/workload-no-anti-affinity.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
