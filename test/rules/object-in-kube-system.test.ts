import rule from "../../rules/object-in-kube-system.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
