import rule from "../../rules/pdb-unhealthy-pod-eviction-policy.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
