import rule from "../../rules/kcm-root-ca-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-root-ca-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
