import rule from "../../rules/host-aliases.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
