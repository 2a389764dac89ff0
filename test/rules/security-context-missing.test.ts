import rule from "../../rules/security-context-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/security-context-missing/{valid,invalid}.
runRuleTests(rule);
