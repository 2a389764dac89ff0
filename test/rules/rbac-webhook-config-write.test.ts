import rule from "../../rules/rbac-webhook-config-write.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
