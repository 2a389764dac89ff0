import rule from "../../rules/rbac-delete-pod-logs.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
