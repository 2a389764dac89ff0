import rule from "../../rules/enc-resource-overlap.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "the same resource in two entries is allowed (their providers are concatenated)",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers: [{identity: {}}]\n  - resources: [secrets]\n    providers: [{identity: {}}]\n",
    },
  ],
  invalid: [
    {
      name: "*.apps before deployments.apps masks it",
      code: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: ['*.apps']\n    providers: [{identity: {}}]\n  - resources: [deployments.apps]\n    providers: [{identity: {}}]\n",
      errors: [{ messageId: "masked", data: { name: "deployments.apps", other: "*.apps", entry: 1, gr: "deployments.apps" }, line: 6, column: 17, endLine: 6, endColumn: 33 }],
    },
  ],
});
