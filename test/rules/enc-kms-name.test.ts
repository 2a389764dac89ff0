import rule from "../../rules/enc-kms-name.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-kms-name/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
