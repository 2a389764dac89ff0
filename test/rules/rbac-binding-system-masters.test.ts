import rule from "../../rules/rbac-binding-system-masters.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
