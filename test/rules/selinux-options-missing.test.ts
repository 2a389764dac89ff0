import rule from "../../rules/selinux-options-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/selinux-options-missing/{valid,invalid}.
runRuleTests(rule);
