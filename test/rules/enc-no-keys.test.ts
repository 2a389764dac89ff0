import rule from "../../rules/enc-no-keys.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-no-keys/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
