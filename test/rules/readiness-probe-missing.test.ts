import rule from "../../rules/readiness-probe-missing.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
