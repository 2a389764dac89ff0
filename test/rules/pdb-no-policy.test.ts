import rule from "../../rules/pdb-no-policy.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
