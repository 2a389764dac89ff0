import rule from "../../rules/net-raw-not-dropped.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/net-raw-not-dropped/{valid,invalid}.
runRuleTests(rule);
