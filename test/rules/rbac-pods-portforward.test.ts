import rule from "../../rules/rbac-pods-portforward.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
