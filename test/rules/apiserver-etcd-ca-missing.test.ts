import rule from "../../rules/apiserver-etcd-ca-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-etcd-ca-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
