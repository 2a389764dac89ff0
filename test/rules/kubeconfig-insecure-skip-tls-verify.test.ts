import rule from "../../rules/kubeconfig-insecure-skip-tls-verify.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
