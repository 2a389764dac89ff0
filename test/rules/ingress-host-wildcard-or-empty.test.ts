import rule from "../../rules/ingress-host-wildcard-or-empty.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
