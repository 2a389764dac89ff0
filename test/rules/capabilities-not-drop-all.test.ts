import rule from "../../rules/capabilities-not-drop-all.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/capabilities-not-drop-all/{valid,invalid}.
runRuleTests(rule);
