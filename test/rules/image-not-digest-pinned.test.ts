import rule from "../../rules/image-not-digest-pinned.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
