/**
 * @fileoverview rbac-persistentvolume-create: creating PersistentVolumes lets a subject define a
 * hostPath volume and mount any directory of a node.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-persistentvolume-create",
  description: "Disallow ClusterRoles that can create PersistentVolumes",
  severity: "high",
  equivalents: { kubescape: ["C-0278"] },
  permissions: () => [{ verbs: ["create"], groups: [""], resources: ["persistentvolumes"], clusterScoped: true }],
  risk: "whoever is bound to it (and can create a claim and a pod) mounts a hostPath PersistentVolume: any directory of the node, bypassing Pod Security's hostPath ban.",
});
