import { describe, expect, it } from "vitest";
import rule from "../../rules/deprecated-api-version.js";
import { API_TABLE, lookupApi } from "../../rules/shared/_cluster-apis.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "replacement kinds are not in the table", code: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a}\nspec:\n  selector: {matchLabels: {app: a}}\n  maxUnavailable: 1\n" },
    {
      name: "deprecated in 1.29, target 1.28",
      code: "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: batch}\nspec:\n  priorityLevelConfiguration: {name: low}\n",
      settings: { kubeguard: { kubernetesVersion: "v1.28.4" } },
    },
  ],
  invalid: [
    {
      name: "message data names the object, the version and the replacement",
      code: "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: nightly}\nspec: {schedule: '0 1 * * *', jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: 'busybox:1.36'}]}}}}}\n",
      errors: [
        {
          messageId: "removed",
          data: { kind: "CronJob", name: "nightly", apiVersion: "batch/v1beta1", target: "v1.34", removed: "v1.25", advice: "Use batch/v1" },
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 26,
        },
      ],
      output: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec: {schedule: '0 1 * * *', jobTemplate: {spec: {template: {spec: {containers: [{name: c, image: 'busybox:1.36'}]}}}}}\n",
    },
    {
      name: "PriorityLevelConfiguration v1beta3 with an explicit 0 share is not rewritten",
      code: "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\nmetadata: {name: low}\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 0\n",
      errors: [{ messageId: "removed", line: 1, column: 13, endLine: 1, endColumn: 49 }],
      output: null,
    },
    {
      name: "PriorityLevelConfiguration v1beta3 with a non-zero share is rewritten",
      code: "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: PriorityLevelConfiguration\nmetadata: {name: low}\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 5\n",
      errors: [{ messageId: "removed", line: 1, column: 13, endLine: 1, endColumn: 49 }],
      output: "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: PriorityLevelConfiguration\nmetadata: {name: low}\nspec:\n  type: Limited\n  limited:\n    nominalConcurrencyShares: 5\n",
    },
  ],
});

describe("deprecated/removed API table", () => {
  it("every entry that may be rewritten has a replacement served no later than the removal", () => {
    for (const e of API_TABLE) {
      if (e.safe === false) continue;
      expect(e.replacement, `${e.apiVersion} ${e.kinds.join(",")}`).not.toBeNull();
      if (e.removed && e.replacementSince && !e.component) {
        expect(e.replacementSince[0] * 100 + e.replacementSince[1], `${e.apiVersion}`).toBeLessThanOrEqual(e.removed[0] * 100 + e.removed[1]);
      }
    }
  });
  it("never rewrites the entries the catalog marks unsafe", () => {
    for (const [v, k] of [
      ["admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration"],
      ["admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration"],
      ["apiextensions.k8s.io/v1beta1", "CustomResourceDefinition"],
      ["extensions/v1beta1", "Ingress"],
      ["apps/v1beta1", "Deployment"],
      ["certificates.k8s.io/v1beta1", "CertificateSigningRequest"],
    ] as const) {
      expect(lookupApi(v, k)?.safe, `${v} ${k}`).toBe(false);
    }
    expect(typeof lookupApi("policy/v1beta1", "PodDisruptionBudget")?.safe).toBe("function");
  });
});
