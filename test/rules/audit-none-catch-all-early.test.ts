import rule from "../../rules/audit-none-catch-all-early.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-none-catch-all-early/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
