/**
 * @fileoverview default-service-account: pods that run as their namespace's `default` service
 * account share its identity (and any permissions granted to it) with every other such pod; the
 * `default` ServiceAccount object itself should not mount tokens.
 */
import { createRule } from "../src/rule.js";
import { getMap, getPair, scalarBool } from "../src/language/query.js";
import { podAnchor } from "../src/k8s-helpers/part-b.js";
import { effectiveServiceAccount } from "./shared/_b-service-account.js";

export default createRule({
  name: "default-service-account",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report pods that run as the default service account",
      severity: "low",
      presets: [],
      aliases: ["serviceaccount-default-in-use"],
      standards: { cis: ["5.1.5"] },
      equivalents: {
        "kube-linter": ["default-service-account"],
        checkov: ["CKV_K8S_41", "CKV_ARGO_1"],
        kubescape: ["C-0189"],
        kubesec: ["ServiceAccountName"],
      },
    },
    messages: {
      podDefault:
        "The pod runs as the namespace's default service account{{how}}: every workload that does the same shares its identity and any RBAC granted to it. Create a dedicated ServiceAccount and set serviceAccountName.",
      defaultObject:
        "The default ServiceAccount does not set automountServiceAccountToken: false: every pod that does not choose another service account gets its token.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        // Like kube-linter: a pod without a token does not act as the service account.
        if (scalarBool(getPair(podSpec.node, "automountServiceAccountToken")?.value ?? null) === false) return;
        const sa = effectiveServiceAccount(podSpec);
        if (sa.name !== "default") return;
        context.report({ node: sa.pair ?? podAnchor(podSpec), messageId: "podDefault", data: { how: sa.pair ? "" : " (serviceAccountName is not set)" } });
      },
      Resource(resource) {
        if (resource.kind !== "ServiceAccount" || resource.apiVersion !== "v1" || resource.name !== "default") return;
        if (scalarBool(getPair(resource.node, "automountServiceAccountToken")?.value ?? null) === false) return;
        const at = getPair(getMap(resource.node, "metadata"), "name") ?? getPair(resource.node, "kind") ?? resource;
        context.report({ node: at, messageId: "defaultObject" });
      },
    };
  },
});
