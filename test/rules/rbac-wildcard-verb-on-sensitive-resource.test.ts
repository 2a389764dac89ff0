import rule from "../../rules/rbac-wildcard-verb-on-sensitive-resource.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
