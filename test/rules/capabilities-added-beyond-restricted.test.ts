import rule from "../../rules/capabilities-added-beyond-restricted.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/capabilities-added-beyond-restricted/{valid,invalid}.
runRuleTests(rule);
