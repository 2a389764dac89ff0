import rule from "../../rules/capabilities-added-beyond-baseline.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/capabilities-added-beyond-baseline/{valid,invalid}.
runRuleTests(rule);
