import rule from "../../rules/kubeconfig-dangling-context.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
