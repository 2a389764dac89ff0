import rule from "../../rules/empty-dir-no-size-limit.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
