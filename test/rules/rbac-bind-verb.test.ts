import rule from "../../rules/rbac-bind-verb.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
