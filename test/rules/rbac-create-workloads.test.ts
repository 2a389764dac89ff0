import rule from "../../rules/rbac-create-workloads.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
