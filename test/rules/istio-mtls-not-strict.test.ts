import rule from "../../rules/istio-mtls-not-strict.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
