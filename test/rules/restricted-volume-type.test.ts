import rule from "../../rules/restricted-volume-type.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
