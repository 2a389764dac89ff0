import rule from "../../rules/apiserver-oidc-issuer-http.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-oidc-issuer-http/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
