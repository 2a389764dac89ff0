import rule from "../../rules/audit-invalid.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-invalid/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
