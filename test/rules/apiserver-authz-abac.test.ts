import rule from "../../rules/apiserver-authz-abac.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-authz-abac/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
