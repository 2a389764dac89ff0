import rule from "../../rules/enc-kms-endpoint-scheme.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-kms-endpoint-scheme/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
