import rule from "../../rules/rbac-nodes-proxy.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
