import rule from "../../rules/scheduler-always-allow-paths-broad.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/scheduler-always-allow-paths-broad/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
