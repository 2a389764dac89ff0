import rule from "../../rules/kubeadm-extraargs-non-string.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
