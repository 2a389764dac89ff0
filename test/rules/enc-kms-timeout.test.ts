import rule from "../../rules/enc-kms-timeout.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-kms-timeout/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
