import rule from "../../rules/apiserver-sa-key-file-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-sa-key-file-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
