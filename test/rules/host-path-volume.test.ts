import rule from "../../rules/host-path-volume.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
