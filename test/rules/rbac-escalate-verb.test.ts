import rule from "../../rules/rbac-escalate-verb.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
