import rule from "../../rules/networkpolicy-allow-all.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
