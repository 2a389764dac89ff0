import rule from "../../rules/audit-workload-mutation-not-logged.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/audit-workload-mutation-not-logged/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
