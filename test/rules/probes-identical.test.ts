import rule from "../../rules/probes-identical.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
