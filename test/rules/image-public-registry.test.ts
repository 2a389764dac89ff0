import rule from "../../rules/image-public-registry.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
