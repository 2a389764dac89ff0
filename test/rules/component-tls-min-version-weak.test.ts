import rule from "../../rules/component-tls-min-version-weak.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/component-tls-min-version-weak/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
