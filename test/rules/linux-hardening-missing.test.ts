import rule from "../../rules/linux-hardening-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/linux-hardening-missing/{valid,invalid}.
runRuleTests(rule);
