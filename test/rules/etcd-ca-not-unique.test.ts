import rule from "../../rules/etcd-ca-not-unique.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-ca-not-unique/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
