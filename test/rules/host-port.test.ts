import rule from "../../rules/host-port.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
