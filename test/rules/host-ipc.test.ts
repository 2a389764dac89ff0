import rule from "../../rules/host-ipc.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
