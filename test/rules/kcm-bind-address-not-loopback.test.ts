import rule from "../../rules/kcm-bind-address-not-loopback.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-bind-address-not-loopback/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
