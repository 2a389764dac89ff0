import rule from "../../rules/apiserver-audit-log-path-missing.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-audit-log-path-missing/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
