import rule from "../../rules/admission-podsecurity-exemptions.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
