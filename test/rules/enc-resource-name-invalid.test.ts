import rule from "../../rules/enc-resource-name-invalid.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-resource-name-invalid/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
