import rule from "../../rules/image-pull-policy-not-always.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
