import rule from "../../rules/flag-deprecated-config-preferred.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/flag-deprecated-config-preferred/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
