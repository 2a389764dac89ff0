import rule from "../../rules/apiserver-contention-profiling.js";
import { runRuleTests } from "../rule-tester.js";

// Cases: fixtures/rules/apiserver-contention-profiling/{valid,invalid} (kubeadm static pods, ClusterConfiguration v1beta3/v1beta4).
runRuleTests(rule);
