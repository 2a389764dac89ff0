import rule from "../../rules/flag-underscore-name.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/flag-underscore-name/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4, kubelet units).
runRuleTests(rule);
