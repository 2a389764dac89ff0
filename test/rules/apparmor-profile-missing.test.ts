import rule from "../../rules/apparmor-profile-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apparmor-profile-missing/{valid,invalid}.
runRuleTests(rule);
