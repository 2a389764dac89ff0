import rule from "../../rules/configmap-sensitive-content.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
