import rule from "../../rules/kubeadm-kubeproxy-config-doc.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
