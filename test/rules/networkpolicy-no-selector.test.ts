import rule from "../../rules/networkpolicy-no-selector.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
