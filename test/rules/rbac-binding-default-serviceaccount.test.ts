import rule from "../../rules/rbac-binding-default-serviceaccount.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
