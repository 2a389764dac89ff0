import rule from "../../rules/runtime-class-not-sandboxed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
