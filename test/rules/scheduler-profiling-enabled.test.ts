import rule from "../../rules/scheduler-profiling-enabled.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/scheduler-profiling-enabled/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
