import rule from "../../rules/secret-from-env.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
