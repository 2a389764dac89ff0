import rule from "../../rules/enc-wildcard-all.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-wildcard-all/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
