import rule from "../../rules/admission-imagepolicy-fail-open.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
