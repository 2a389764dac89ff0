import rule from "../../rules/webhook-intercepts-kube-system.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
