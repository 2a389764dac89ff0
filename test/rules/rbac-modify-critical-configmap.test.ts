import rule from "../../rules/rbac-modify-critical-configmap.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
