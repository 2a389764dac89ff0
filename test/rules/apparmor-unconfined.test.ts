import rule from "../../rules/apparmor-unconfined.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apparmor-unconfined/{valid,invalid}.
runRuleTests(rule);
