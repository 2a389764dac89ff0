import rule from "../../rules/invalid-port-names.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
