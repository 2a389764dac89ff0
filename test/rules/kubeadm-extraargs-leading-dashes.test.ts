import rule from "../../rules/kubeadm-extraargs-leading-dashes.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
