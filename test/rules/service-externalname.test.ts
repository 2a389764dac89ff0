import rule from "../../rules/service-externalname.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
