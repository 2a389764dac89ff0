import rule from "../../rules/apparmor-annotation-deprecated.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apparmor-annotation-deprecated/{valid,invalid}.
runRuleTests(rule);
