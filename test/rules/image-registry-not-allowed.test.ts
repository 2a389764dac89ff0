import rule from "../../rules/image-registry-not-allowed.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
