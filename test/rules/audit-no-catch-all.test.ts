import rule from "../../rules/audit-no-catch-all.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-no-catch-all/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
