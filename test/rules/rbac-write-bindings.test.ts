import rule from "../../rules/rbac-write-bindings.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
