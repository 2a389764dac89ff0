import rule from "../../rules/enc-kms-v2-cachesize.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-kms-v2-cachesize/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
