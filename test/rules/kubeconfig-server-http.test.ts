import rule from "../../rules/kubeconfig-server-http.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
