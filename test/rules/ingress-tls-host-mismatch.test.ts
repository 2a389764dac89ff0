import rule from "../../rules/ingress-tls-host-mismatch.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
