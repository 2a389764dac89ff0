import rule from "../../rules/kubeadm-extraargs-v1beta4-map.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
