import rule from "../../rules/rbac-persistentvolume-create.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule);
