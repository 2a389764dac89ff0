import rule from "../../rules/selinux-custom-options.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/selinux-custom-options/{valid,invalid}.
runRuleTests(rule);
