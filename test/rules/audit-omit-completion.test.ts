import rule from "../../rules/audit-omit-completion.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-omit-completion/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
