/**
 * @fileoverview rbac-pods-portforward: a Role or ClusterRole that can forward ports into pods
 * (`create` on `pods/portforward`; also `get` before Kubernetes 1.30).
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";
import { versionAtLeast } from "../src/k8s-helpers/part-b.js";

export default rbacAccessRule({
  name: "rbac-pods-portforward",
  description: "Disallow Roles and ClusterRoles that can port-forward into pods",
  severity: "medium",
  equivalents: { kubescape: ["C-0063"] },
  permissions: (v) => [{ verbs: versionAtLeast(v, 1, 30) ? ["create"] : ["create", "get"], groups: [""], resources: ["pods/portforward"] }],
  risk: "whoever is bound to it reaches every port of those pods directly, bypassing Services, NetworkPolicies and ingress authentication.",
  namedCounts: () => true,
});
