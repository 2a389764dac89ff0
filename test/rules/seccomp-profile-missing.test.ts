import rule from "../../rules/seccomp-profile-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/seccomp-profile-missing/{valid,invalid}.
runRuleTests(rule);
