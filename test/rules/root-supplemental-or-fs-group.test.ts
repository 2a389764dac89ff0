import rule from "../../rules/root-supplemental-or-fs-group.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/root-supplemental-or-fs-group/{valid,invalid}.
runRuleTests(rule);
