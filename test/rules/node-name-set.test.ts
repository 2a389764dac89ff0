import rule from "../../rules/node-name-set.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
