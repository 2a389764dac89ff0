import rule from "../../rules/enc-duplicate-key-name.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-duplicate-key-name/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
