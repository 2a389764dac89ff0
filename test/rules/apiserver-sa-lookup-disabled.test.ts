import rule from "../../rules/apiserver-sa-lookup-disabled.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-sa-lookup-disabled/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
