import rule from "../../rules/admission-podsecurity-enforce-privileged.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
