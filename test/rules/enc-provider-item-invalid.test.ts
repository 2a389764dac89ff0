import rule from "../../rules/enc-provider-item-invalid.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-provider-item-invalid/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
