import rule from "../../rules/schema-invalid.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
