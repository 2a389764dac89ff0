import rule from "../../rules/yaml-1-1-ambiguous-value.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
