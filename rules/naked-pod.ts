/**
 * @fileoverview naked-pod: a Pod without a controller is not rescheduled when its node fails and
 * is not updated by rollouts.
 */
import { createRule } from "../src/rule.js";
import { getMap, getPair, getSeq } from "../src/language/query.js";

export default createRule({
  name: "naked-pod",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow Pods that no controller manages",
      severity: "low",
      presets: ["all"],
      equivalents: { kubescape: ["C-0073"] },
    },
    messages: {
      naked: "Pod '{{name}}' has no ownerReferences: no controller recreates it when its node fails or drains. Use a Deployment, StatefulSet, DaemonSet or Job.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "Pod" || (resource.apiVersion !== "v1" && resource.apiVersion !== "core/v1")) return;
        const metadata = getMap(resource.node, "metadata");
        if (getSeq(metadata, "ownerReferences")?.items.length) return;
        const kindPair = getPair(resource.node, "kind");
        context.report({ node: kindPair ?? resource.node, messageId: "naked", data: { name: resource.name ?? "?" } });
      },
    };
  },
});
