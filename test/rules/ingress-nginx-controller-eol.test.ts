import rule from "../../rules/ingress-nginx-controller-eol.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
