import rule from "../../rules/secret-in-annotation.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
