import rule from "../../rules/unsafe-sysctl.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/unsafe-sysctl/{valid,invalid}.
runRuleTests(rule);
