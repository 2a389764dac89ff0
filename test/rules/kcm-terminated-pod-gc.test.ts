import rule from "../../rules/kcm-terminated-pod-gc.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-terminated-pod-gc/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
