import rule from "../../rules/hpa-min-replicas-low.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
