import rule from "../../rules/git-repo-volume.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
