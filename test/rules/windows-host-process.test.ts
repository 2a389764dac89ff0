import rule from "../../rules/windows-host-process.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/windows-host-process/{valid,invalid}.
runRuleTests(rule);
