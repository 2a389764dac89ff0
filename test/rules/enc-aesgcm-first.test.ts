import rule from "../../rules/enc-aesgcm-first.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/enc-aesgcm-first/{valid,invalid} (realistic files, expected positions, fix and suggestion outputs).
runRuleTests(rule);
