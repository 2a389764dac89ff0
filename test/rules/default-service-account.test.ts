import rule from "../../rules/default-service-account.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
