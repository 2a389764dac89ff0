import rule from "../../rules/pdb-blocks-eviction.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
