import rule from "../../rules/tiller-deployed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
