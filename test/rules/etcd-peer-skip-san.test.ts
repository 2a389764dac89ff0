import rule from "../../rules/etcd-peer-skip-san.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-peer-skip-san/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
