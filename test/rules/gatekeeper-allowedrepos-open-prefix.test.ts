import rule from "../../rules/gatekeeper-allowedrepos-open-prefix.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
