import rule from "../../rules/run-as-user-root.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/run-as-user-root/{valid,invalid}.
runRuleTests(rule);
