import rule from "../../rules/enc-key-not-base64.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-key-not-base64/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
