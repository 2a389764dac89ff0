import rule from "../../rules/rbac-manage-configmaps.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
