import rule from "../../rules/audit-apiversion.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-apiversion/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
