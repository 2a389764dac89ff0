import rule from "../../rules/apiserver-logs-handler.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-logs-handler/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
