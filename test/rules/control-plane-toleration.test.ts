import rule from "../../rules/control-plane-toleration.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
