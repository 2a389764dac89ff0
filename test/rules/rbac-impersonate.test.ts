import rule from "../../rules/rbac-impersonate.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
