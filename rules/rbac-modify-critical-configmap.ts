/**
 * @fileoverview rbac-modify-critical-configmap: write access to the kube-system ConfigMaps that
 * carry cluster identity and DNS (`aws-auth`, `coredns`, …) is a path to cluster takeover: on EKS,
 * `aws-auth` maps IAM roles to Kubernetes groups such as system:masters; `coredns` controls
 * in-cluster name resolution.
 */
import type { ResourceNode } from "../src/language/ast.js";
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

/** kube-system / kube-public ConfigMaps whose content grants access or steers traffic. */
export const CRITICAL_CONFIGMAPS = new Set([
  "aws-auth",
  "coredns",
  "coredns-custom",
  "kube-dns",
  "kube-proxy",
  "kubeadm-config",
  "kubelet-config",
  "cluster-info",
  "extension-apiserver-authentication",
]);

/** A ClusterRole (cluster-wide when bound by a ClusterRoleBinding) or a Role in kube-system/kube-public. */
function reachesKubeSystem(role: ResourceNode): boolean {
  return role.kind === "ClusterRole" || role.namespace === "kube-system" || role.namespace === "kube-public";
}

export default rbacAccessRule({
  name: "rbac-modify-critical-configmap",
  description: "Disallow Roles and ClusterRoles that can change aws-auth, coredns and other kube-system ConfigMaps",
  severity: "critical",
  equivalents: { trivy: ["KSV-0115", "KSV115"], kubescape: ["C-0037"] },
  permissions: () => [{ verbs: ["update", "patch", "delete"], groups: [""], resources: ["configmaps"] }],
  risk: "where it applies to kube-system (a ClusterRole bound cluster-wide, or a Role in kube-system) whoever is bound to it can edit aws-auth (map any IAM identity to system:masters on EKS) or coredns (redirect in-cluster DNS).",
  namedCounts: (names) => names.some((n) => CRITICAL_CONFIGMAPS.has(n)),
  applies: reachesKubeSystem,
});
