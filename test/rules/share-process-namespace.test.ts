import rule from "../../rules/share-process-namespace.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
