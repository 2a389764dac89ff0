import rule from "../../rules/liveness-probe-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
