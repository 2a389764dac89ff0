import rule from "../../rules/kubeadm-kubelet-config-doc.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
