import rule from "../../rules/image-deprecated-registry.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
