import rule from "../../rules/dangerous-capability-added.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/dangerous-capability-added/{valid,invalid}.
runRuleTests(rule);
