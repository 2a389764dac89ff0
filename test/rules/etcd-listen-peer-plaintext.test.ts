import rule from "../../rules/etcd-listen-peer-plaintext.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-listen-peer-plaintext/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
