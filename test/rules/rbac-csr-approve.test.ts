import rule from "../../rules/rbac-csr-approve.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
