import rule from "../../rules/etcd-weak-tls.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-weak-tls/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
