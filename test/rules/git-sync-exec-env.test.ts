import rule from "../../rules/git-sync-exec-env.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
