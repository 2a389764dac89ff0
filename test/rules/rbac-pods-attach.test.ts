import rule from "../../rules/rbac-pods-attach.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
