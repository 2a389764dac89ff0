import rule from "../../rules/rbac-serviceaccount-token-create.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
