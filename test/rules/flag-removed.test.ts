import rule from "../../rules/flag-removed.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/flag-removed/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
