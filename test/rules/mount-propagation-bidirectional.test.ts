import rule from "../../rules/mount-propagation-bidirectional.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
