import rule from "../../rules/container-runtime-socket.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
