import rule from "../../rules/privileged-container-port.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
