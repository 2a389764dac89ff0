import rule from "../../rules/etcd-metrics-plaintext-exposed.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-metrics-plaintext-exposed/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
