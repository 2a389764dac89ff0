import rule from "../../rules/rbac-binding-cluster-admin.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
