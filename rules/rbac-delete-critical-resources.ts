/**
 * @fileoverview rbac-delete-critical-resources: delete access to Secrets, pods, Services and pod
 * controllers is a denial-of-service and evidence-removal right.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

const DELETE = ["delete", "deletecollection"];

export default rbacAccessRule({
  name: "rbac-delete-critical-resources",
  description: "Disallow Roles and ClusterRoles that can delete Secrets, pods, Services and workloads",
  severity: "medium",
  equivalents: { kubescape: ["C-0007"] },
  permissions: () => [
    { verbs: DELETE, groups: [""], resources: ["secrets", "pods", "services"] },
    { verbs: DELETE, groups: ["apps", "extensions"], resources: ["deployments", "replicasets", "daemonsets", "statefulsets"] },
    { verbs: DELETE, groups: ["batch"], resources: ["jobs", "cronjobs"] },
  ],
  risk: "whoever is bound to it takes down workloads of its scope and deletes their Secrets and pods (with their logs).",
});
