import rule from "../../rules/seccomp-annotation-deprecated.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/seccomp-annotation-deprecated/{valid,invalid}.
runRuleTests(rule);
