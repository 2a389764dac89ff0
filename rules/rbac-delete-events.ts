/**
 * @fileoverview rbac-delete-events: deleting Events removes the record of what happened in the
 * cluster (scheduling, image pulls, kills), which hides an intrusion.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-delete-events",
  description: "Disallow Roles and ClusterRoles that can delete Events",
  severity: "low",
  equivalents: { kubescape: ["C-0031"] },
  permissions: () => [
    { verbs: ["delete", "deletecollection"], groups: [""], resources: ["events"] },
    { verbs: ["delete", "deletecollection"], groups: ["events.k8s.io"], resources: ["events"] },
  ],
  risk: "whoever is bound to it erases the event trail of its scope, hiding what an attacker did (events are not in the audit log unless audit policy records them).",
});
