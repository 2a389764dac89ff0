import rule from "../../rules/seccomp-unconfined.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/seccomp-unconfined/{valid,invalid}.
runRuleTests(rule);
