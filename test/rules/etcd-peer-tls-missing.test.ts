import rule from "../../rules/etcd-peer-tls-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-peer-tls-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
