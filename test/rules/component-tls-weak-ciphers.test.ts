import rule from "../../rules/component-tls-weak-ciphers.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/component-tls-weak-ciphers/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
