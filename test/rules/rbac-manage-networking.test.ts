import rule from "../../rules/rbac-manage-networking.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
