import rule from "../../rules/enc-key-known-example.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-key-known-example/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
