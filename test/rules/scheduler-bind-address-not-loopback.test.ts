import rule from "../../rules/scheduler-bind-address-not-loopback.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/scheduler-bind-address-not-loopback/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
