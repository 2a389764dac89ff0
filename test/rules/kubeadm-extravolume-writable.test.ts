import rule from "../../rules/kubeadm-extravolume-writable.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
