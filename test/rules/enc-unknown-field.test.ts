import rule from "../../rules/enc-unknown-field.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-unknown-field/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
