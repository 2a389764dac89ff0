import rule from "../../rules/missing-service-account.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
