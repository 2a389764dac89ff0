/**
 * @fileoverview object-in-default-namespace: a namespaced object — beyond the built-in kinds that
 * the workload rule `default-namespace` already reports — that goes to the `default` namespace:
 * explicitly, or because `metadata.namespace` is absent in plain YAML. Rendered Helm output (a
 * `# Source:` comment before the document) without a namespace goes to the release namespace and
 * is not reported for the absence. The two rules never report the same object (catalog-cluster §6).
 */
import { createRule } from "../src/rule.js";
import { isNamespacedOutsideDefaultNamespaceRule, placementOf } from "./shared/_namespaces.js";

export default createRule<"explicitDefault" | "absent", []>({
  name: "object-in-default-namespace",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report namespaced custom resources and other non-workload kinds deployed to the default namespace",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["use-namespace"], checkov: ["CKV_K8S_21"], trivy: ["KSV-0110"], kubescape: ["C-0212"] },
    },
    messages: {
      explicitDefault: "{{kind}} '{{name}}' is in the default namespace: give it a namespace of its own so policies, quotas and RBAC scoped to it apply.",
      absent: "{{kind}} '{{name}}' has no metadata.namespace: kubectl applies it to the current context's namespace, usually default. Set the namespace it belongs to.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isNamespacedOutsideDefaultNamespaceRule(resource)) return;
        const p = placementOf(resource);
        const data = { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)" };
        if (p.source === "explicit" && p.namespace === "default" && p.pair) context.report({ node: p.pair, messageId: "explicitDefault", data });
        else if (p.source === "default" && !p.pair) context.report({ node: p.metadataPair?.key ?? resource.node, messageId: "absent", data });
      },
    };
  },
});
