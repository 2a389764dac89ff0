import rule from "../../rules/xf-apiserver-kubelet-auth-mismatch.js";
import { runRuleTests } from "../rule-tester.js";
import { runCrossCases } from "../crossdoc-tester.js";

runRuleTests(rule);
runCrossCases(rule.name);
