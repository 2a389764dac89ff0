import rule from "../../rules/xf-kubelet-serving-cert-unverifiable.js";
import { runRuleTests } from "../rule-tester.js";
import { runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
runCrossCases(rule.name);
