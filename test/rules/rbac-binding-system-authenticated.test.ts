import rule from "../../rules/rbac-binding-system-authenticated.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
