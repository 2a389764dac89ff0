import rule from "../../rules/hpa-max-not-above-min.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
