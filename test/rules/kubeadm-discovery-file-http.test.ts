import rule from "../../rules/kubeadm-discovery-file-http.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
