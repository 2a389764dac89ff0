import rule from "../../rules/kubeconfig-exec-relative-command.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
