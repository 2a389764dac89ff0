/**
 * @fileoverview rbac-manage-configmaps: write access to every ConfigMap in scope lets a subject
 * change the configuration of the workloads that read them.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-manage-configmaps",
  description: "Disallow Roles and ClusterRoles that can change every ConfigMap in their scope",
  severity: "medium",
  equivalents: { trivy: ["KSV-0049", "KSV049"] },
  permissions: () => [{ verbs: ["create", "update", "patch", "delete", "deletecollection"], groups: [""], resources: ["configmaps"] }],
  risk: "whoever is bound to it rewrites the configuration of every workload that reads a ConfigMap in that scope (scripts, proxies, feature flags). Name the ConfigMaps it needs in resourceNames.",
});
