import rule from "../../rules/kubeadm-discovery-no-ca-pins.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
