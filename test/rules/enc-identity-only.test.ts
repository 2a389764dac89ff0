import rule from "../../rules/enc-identity-only.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-identity-only/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
