import rule from "../../rules/run-as-group-root.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/run-as-group-root/{valid,invalid}.
runRuleTests(rule);
