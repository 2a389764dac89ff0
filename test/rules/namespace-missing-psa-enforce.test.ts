import rule from "../../rules/namespace-missing-psa-enforce.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
