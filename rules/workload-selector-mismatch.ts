/**
 * @fileoverview workload-selector-mismatch: the workload's `spec.selector` does not select the
 * labels of its own pod template. apps/v1 rejects it; older API versions and ReplicationControllers
 * create pods the controller never counts, so it creates more without end.
 */
import { getMap, getPair, stringMap } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isWorkload, templateLabels } from "./shared/_availability.js";
import { selectorMatches } from "./shared/_cluster-rbac.js";

export default createRule({
  name: "workload-selector-mismatch",
  meta: {
    type: "problem",
    docs: {
      description: "Require a workload's selector to match its pod template labels",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {
        "kube-linter": ["mismatching-selector"],
        kubescape: ["C-0296"],
        "kube-score": ["deployment-pod-selector-labels-match-template-metadata-labels", "statefulset-pod-selector-labels-match-template-metadata-labels"],
      },
    },
    messages: {
      mismatch: "{{kind}} '{{name}}' selector does not match its pod template labels ({{labels}}): the controller does not own the pods it creates.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWorkload(resource, ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"])) return;
        const spec = getMap(resource.node, "spec");
        const selPair = getPair(spec, "selector");
        const sel = getMap(spec, "selector");
        if (!selPair || !sel) return;
        const { labels } = templateLabels(resource);
        if (!getMap(spec, "template")) return;
        // ReplicationController: the selector is a plain label map.
        const matches = resource.kind === "ReplicationController"
          ? Object.entries(stringMap(sel)).every(([k, v]) => labels[k] === v)
          : selectorMatches(sel, labels);
        if (matches) return;
        const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(", ") || "none";
        context.report({ node: selPair.key ?? selPair, messageId: "mismatch", data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", labels: shown } });
      },
    };
  },
});
