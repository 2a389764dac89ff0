import rule from "../../rules/enc-aescbc-key-short.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-aescbc-key-short/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
