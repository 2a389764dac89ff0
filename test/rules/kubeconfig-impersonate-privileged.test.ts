import rule from "../../rules/kubeconfig-impersonate-privileged.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
