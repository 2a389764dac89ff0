import rule from "../../rules/probe-or-lifecycle-host.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
