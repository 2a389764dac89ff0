import rule from "../../rules/apiserver-encryption-config-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-encryption-config-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
