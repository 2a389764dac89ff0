/**
 * @fileoverview rbac-manage-networking: write access to Services, Endpoints, EndpointSlices,
 * NetworkPolicies or Ingresses lets a subject redirect or expose traffic, or remove isolation.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

const WRITE = ["create", "update", "patch", "delete", "deletecollection"];

export default rbacAccessRule({
  name: "rbac-manage-networking",
  description: "Disallow Roles and ClusterRoles that can change Services, Endpoints, NetworkPolicies or Ingresses",
  severity: "medium",
  equivalents: { trivy: ["KSV-0056", "KSV056"] },
  permissions: () => [
    { verbs: WRITE, groups: [""], resources: ["services", "endpoints"] },
    { verbs: WRITE, groups: ["discovery.k8s.io"], resources: ["endpointslices"] },
    { verbs: WRITE, groups: ["networking.k8s.io"], resources: ["networkpolicies", "ingresses"] },
    { verbs: WRITE, groups: ["extensions"], resources: ["networkpolicies", "ingresses"] },
  ],
  risk: "whoever is bound to it redirects Service traffic (hand-written Endpoints can point at any IP, CVE-2021-25740), exposes workloads through Ingresses or removes NetworkPolicy isolation.",
});
