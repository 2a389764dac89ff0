import rule from "../../rules/rbac-delete-critical-resources.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
