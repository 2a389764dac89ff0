import rule from "../../rules/kcm-sa-credentials-disabled.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/kcm-sa-credentials-disabled/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
