import rule from "../../rules/apiserver-admission-namespacelifecycle-disabled.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-admission-namespacelifecycle-disabled/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
