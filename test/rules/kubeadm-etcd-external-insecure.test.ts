import rule from "../../rules/kubeadm-etcd-external-insecure.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
