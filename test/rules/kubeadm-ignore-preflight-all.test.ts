import rule from "../../rules/kubeadm-ignore-preflight-all.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
