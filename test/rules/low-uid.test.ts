import rule from "../../rules/low-uid.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/low-uid/{valid,invalid}.
runRuleTests(rule);
