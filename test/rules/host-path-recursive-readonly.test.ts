import rule from "../../rules/host-path-recursive-readonly.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
