import rule from "../../rules/rbac-secrets-access.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
