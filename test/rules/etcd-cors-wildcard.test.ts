import rule from "../../rules/etcd-cors-wildcard.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-cors-wildcard/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
