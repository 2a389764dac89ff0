import rule from "../../rules/fs-group-unset.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/fs-group-unset/{valid,invalid}.
runRuleTests(rule);
