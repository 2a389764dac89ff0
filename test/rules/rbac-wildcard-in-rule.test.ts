import rule from "../../rules/rbac-wildcard-in-rule.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
