import rule from "../../rules/apiserver-sa-extend-token-expiration.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-sa-extend-token-expiration/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
