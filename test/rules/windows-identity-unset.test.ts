import rule from "../../rules/windows-identity-unset.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/windows-identity-unset/{valid,invalid}.
runRuleTests(rule);
