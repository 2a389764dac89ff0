import rule from "../../rules/low-gid.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/low-gid/{valid,invalid}.
runRuleTests(rule);
