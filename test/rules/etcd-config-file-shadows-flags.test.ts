import rule from "../../rules/etcd-config-file-shadows-flags.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/etcd-config-file-shadows-flags/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
