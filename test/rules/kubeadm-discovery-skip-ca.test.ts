import rule from "../../rules/kubeadm-discovery-skip-ca.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
