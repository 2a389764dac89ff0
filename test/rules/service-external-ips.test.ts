import rule from "../../rules/service-external-ips.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
