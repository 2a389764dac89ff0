import rule from "../../rules/rbac-delete-events.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
