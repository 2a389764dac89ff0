import rule from "../../rules/projected-token-long-expiration.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
