import rule from "../../rules/kubeconfig-ca-and-insecure.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
