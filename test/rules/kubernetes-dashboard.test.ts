import rule from "../../rules/kubernetes-dashboard.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
