import rule from "../../rules/capabilities-drop-empty.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/capabilities-drop-empty/{valid,invalid}.
runRuleTests(rule);
