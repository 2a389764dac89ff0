import rule from "../../rules/rbac-wildcard-resources.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
