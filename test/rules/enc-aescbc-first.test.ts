import rule from "../../rules/enc-aescbc-first.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-aescbc-first/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
