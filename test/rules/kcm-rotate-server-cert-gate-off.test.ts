import rule from "../../rules/kcm-rotate-server-cert-gate-off.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-rotate-server-cert-gate-off/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
