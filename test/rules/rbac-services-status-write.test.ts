import rule from "../../rules/rbac-services-status-write.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
