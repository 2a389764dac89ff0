import rule from "../../rules/psp-permissive.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
