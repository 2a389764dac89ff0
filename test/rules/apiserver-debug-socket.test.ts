import rule from "../../rules/apiserver-debug-socket.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-debug-socket/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
