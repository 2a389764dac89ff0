import rule from "../../rules/kcm-sa-private-key-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-sa-private-key-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
