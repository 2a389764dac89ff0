import rule from "../../rules/metadata-labels.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
