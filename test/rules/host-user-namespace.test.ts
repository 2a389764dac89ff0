import rule from "../../rules/host-user-namespace.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
