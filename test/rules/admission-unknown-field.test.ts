import rule from "../../rules/admission-unknown-field.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
