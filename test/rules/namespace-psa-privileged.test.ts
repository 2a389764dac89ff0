import rule from "../../rules/namespace-psa-privileged.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
