import rule from "../../rules/deprecated-service-account-field.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
