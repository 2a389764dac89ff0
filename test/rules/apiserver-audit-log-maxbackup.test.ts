import rule from "../../rules/apiserver-audit-log-maxbackup.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-audit-log-maxbackup/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
