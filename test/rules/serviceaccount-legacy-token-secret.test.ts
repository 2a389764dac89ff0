import rule from "../../rules/serviceaccount-legacy-token-secret.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
