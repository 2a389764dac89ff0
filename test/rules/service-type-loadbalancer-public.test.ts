import rule from "../../rules/service-type-loadbalancer-public.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
