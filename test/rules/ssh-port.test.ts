import rule from "../../rules/ssh-port.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
