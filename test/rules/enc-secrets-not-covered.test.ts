import rule from "../../rules/enc-secrets-not-covered.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-secrets-not-covered/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
