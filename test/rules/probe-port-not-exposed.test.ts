import rule from "../../rules/probe-port-not-exposed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
