import rule from "../../rules/root-without-user-namespace.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
