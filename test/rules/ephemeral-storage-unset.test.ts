import rule from "../../rules/ephemeral-storage-unset.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
