/**
 * @fileoverview default-namespace: a namespaced object that goes to the `default` namespace —
 * explicitly, or because `metadata.namespace` is absent (then `kubectl apply` uses the context's
 * namespace, usually `default`). Objects in `default` share it with everything else deployed
 * carelessly: NetworkPolicies, quotas and RBAC scoped to a team namespace do not cover them.
 *
 * Rendered Helm output (documents with a `# Source:` comment) without a namespace goes to the
 * release namespace, not `default`, and is not reported for the absence.
 */
import type { ResourceNode } from "../src/language/ast.js";
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

/** Namespaced kinds of the built-in API groups (group/kind; "" is the core group). */
const NAMESPACED = new Set([
  "/Pod", "/Service", "/ConfigMap", "/Secret", "/ServiceAccount", "/PersistentVolumeClaim", "/ReplicationController",
  "/Endpoints", "/LimitRange", "/ResourceQuota", "/PodTemplate", "/Event",
  "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet", "apps/ControllerRevision",
  "batch/Job", "batch/CronJob",
  "networking.k8s.io/Ingress", "networking.k8s.io/NetworkPolicy",
  "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/RoleBinding",
  "policy/PodDisruptionBudget", "autoscaling/HorizontalPodAutoscaler",
  "discovery.k8s.io/EndpointSlice", "coordination.k8s.io/Lease", "storage.k8s.io/CSIStorageCapacity",
]);

function groupKind(r: ResourceNode): string {
  const v = r.apiVersion ?? "";
  const group = v.includes("/") ? v.slice(0, v.indexOf("/")) : "";
  return `${group}/${r.kind ?? ""}`;
}

/** Objects Kubernetes itself keeps in `default`. */
function isBuiltInDefault(r: ResourceNode): boolean {
  return (r.kind === "Service" && r.name === "kubernetes") || (r.kind === "ServiceAccount" && r.name === "default");
}

export default createRule<"explicitDefault" | "absent", []>({
  name: "default-namespace",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report namespaced objects that are deployed to the default namespace",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["use-namespace"], checkov: ["CKV_K8S_21"], trivy: ["KSV110", "KSV037"], kubescape: ["C-0061", "C-0212"] },
    },
    messages: {
      explicitDefault: "{{kind}} '{{name}}' is in the default namespace: give it a namespace of its own so policies, quotas and RBAC scoped to it apply.",
      absent:
        "{{kind}} '{{name}}' has no metadata.namespace: kubectl applies it to the current context's namespace, usually default. Set the namespace it belongs to.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!NAMESPACED.has(groupKind(resource)) || isBuiltInDefault(resource)) return;
        const metadata = getPair(resource.node, "metadata");
        const nsPair = getPair(getMap(resource.node, "metadata"), "namespace");
        const data = { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)" };
        if (resource.namespace === "default" && nsPair) {
          context.report({ node: nsPair, messageId: "explicitDefault", data });
        } else if (resource.namespace === null && !nsPair && !resource.document.helmSource) {
          context.report({ node: metadata?.key ?? resource.node, messageId: "absent", data });
        }
      },
    };
  },
});
