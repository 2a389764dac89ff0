/**
 * @fileoverview rbac-create-workloads: a Role or ClusterRole that can create pods or pod
 * controllers, or change their pod template (create/update/patch): that runs any image as any
 * service account of the namespace and mounts any Secret.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-create-workloads",
  description: "Disallow Roles and ClusterRoles that can create or modify pods and pod controllers",
  severity: "high",
  equivalents: { "kube-linter": ["access-to-create-pods"], trivy: ["KSV-0048", "KSV048"], kubescape: ["C-0188"] },
  permissions: () => [
    { verbs: ["create", "update", "patch"], groups: [""], resources: ["pods", "replicationcontrollers"] },
    { verbs: ["create", "update", "patch"], groups: ["apps", "extensions"], resources: ["deployments", "daemonsets", "statefulsets", "replicasets"] },
    { verbs: ["create", "update", "patch"], groups: ["batch"], resources: ["jobs", "cronjobs"] },
  ],
  risk: "whoever is bound to it runs any image as any service account of the namespace and mounts any of its Secrets (and, without Pod Security admission, host paths and privileged containers).",
  namedCounts: () => true,
});
