import rule from "../../rules/audit-no-rules.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-no-rules/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
