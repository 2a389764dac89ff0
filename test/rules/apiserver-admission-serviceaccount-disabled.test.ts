import rule from "../../rules/apiserver-admission-serviceaccount-disabled.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-admission-serviceaccount-disabled/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
