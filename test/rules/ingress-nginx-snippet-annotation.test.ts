import rule from "../../rules/ingress-nginx-snippet-annotation.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
