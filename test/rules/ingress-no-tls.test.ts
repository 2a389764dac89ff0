import rule from "../../rules/ingress-no-tls.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
