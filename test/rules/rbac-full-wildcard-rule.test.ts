import rule from "../../rules/rbac-full-wildcard-rule.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
