import rule from "../../rules/ssh-port-exposed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
