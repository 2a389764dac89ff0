import rule from "../../rules/ingress-nginx-annotation-injection.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
