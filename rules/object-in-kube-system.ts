/**
 * @fileoverview object-in-kube-system: user workloads placed in `kube-system`, the namespace of the
 * control plane and cluster add-ons. Whoever can create workloads there can usually mount the
 * add-ons' highly privileged service accounts; a mistake there breaks the cluster. Only objects
 * that run pods are reported (their ServiceAccounts, ConfigMaps and Services follow the workload's
 * placement). Exempt: control-plane static pods and system-critical add-ons (priorityClassName
 * system-node-critical / system-cluster-critical, label tier=control-plane, component=kube-apiserver…).
 */
import type { ResourceNode } from "../src/language/ast.js";
import { getMap, getString, stringMap } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isNamespacedKind, placementOf } from "./shared/_namespaces.js";

const CONTROL_PLANE_COMPONENTS = new Set(["kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler"]);
const SYSTEM_PRIORITY = new Set(["system-node-critical", "system-cluster-critical"]);

function isSystemComponent(resource: ResourceNode): boolean {
  for (const ps of resource.podSpecs) {
    if (SYSTEM_PRIORITY.has(getString(ps.node, "priorityClassName") ?? "")) return true;
    const labels = stringMap(getMap(ps.metadata, "labels"));
    if (labels.tier === "control-plane" || CONTROL_PLANE_COMPONENTS.has(labels.component ?? "")) return true;
  }
  return false;
}

export default createRule({
  name: "object-in-kube-system",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report user workloads placed in the kube-system namespace",
      severity: "medium",
      presets: ["all"],
      equivalents: { trivy: ["KSV-0037"] },
    },
    messages: {
      kubeSystem:
        "{{kind}} '{{name}}' is placed in kube-system, the namespace of the control plane and cluster add-ons: anyone who can deploy there can use their privileged service accounts. Give it a namespace of its own.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!resource.podSpecs.length || !isNamespacedKind(resource)) return;
        const p = placementOf(resource);
        if (p.source !== "explicit" || p.namespace !== "kube-system" || !p.pair?.value) return;
        if (isSystemComponent(resource)) return;
        context.report({ node: p.pair.value, messageId: "kubeSystem", data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)" } });
      },
    };
  },
});
