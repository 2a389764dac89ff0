import rule from "../../rules/host-network.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
