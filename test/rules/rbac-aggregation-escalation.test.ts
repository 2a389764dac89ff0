import rule from "../../rules/rbac-aggregation-escalation.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
