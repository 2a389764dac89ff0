import rule from "../../rules/naked-pod.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
