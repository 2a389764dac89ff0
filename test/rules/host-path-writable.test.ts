import rule from "../../rules/host-path-writable.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
