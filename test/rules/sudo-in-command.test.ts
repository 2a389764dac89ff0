import rule from "../../rules/sudo-in-command.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
