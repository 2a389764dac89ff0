/**
 * @fileoverview ephemeral-storage-unset: a container without an `ephemeral-storage` request and limit
 * can fill the node's disk (logs, emptyDir, writable layer) until the kubelet evicts pods.
 */
import { createRule } from "../src/rule.js";
import { getMap } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";
import { hasResources, isSet, resourcesAnchor } from "./shared/_part-c-resources.js";

export default createRule({
  name: "ephemeral-storage-unset",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require an ephemeral-storage request and limit on every container",
      severity: "low",
      presets: ["all"],
      standards: { nsa: "Kubernetes Pod security: resource policies (requests and limits)" },
      equivalents: { "kube-score": ["container-ephemeral-storage-request-and-limit"] },
    },
    messages: {
      missing:
        "{{container}} has no resources.{{section}}.ephemeral-storage: {{consequence}}",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        if (!hasResources(c)) return;
        const resources = getMap(c.node, "resources");
        for (const section of ["requests", "limits"] as const) {
          if (isSet(getMap(resources, section), "ephemeral-storage")) continue;
          context.report({
            node: resourcesAnchor(c, section),
            messageId: "missing",
            data: {
              container: containerLabel(c),
              section,
              consequence:
                section === "limits"
                  ? "its logs, emptyDir volumes and writable layer can fill the node's disk until the kubelet evicts pods."
                  : "the scheduler reserves no local disk for it, and it is evicted first under disk pressure.",
            },
          });
        }
      },
    };
  },
});
