import rule from "../../rules/flag-bool-space-value.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/flag-bool-space-value/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
