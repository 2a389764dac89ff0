import rule from "../../rules/unmasked-proc-mount.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/unmasked-proc-mount/{valid,invalid}.
runRuleTests(rule);
