import rule from "../../rules/service-type-nodeport.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
