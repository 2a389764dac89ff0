/**
 * @fileoverview rbac-services-status-write: write access to `services/status` lets a subject set
 * `status.loadBalancer.ingress[].ip` on any Service and so redirect cluster traffic for that IP
 * (CVE-2020-8554). Only load-balancer controllers need it.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-services-status-write",
  description: "Disallow Roles and ClusterRoles that can write the status of Services",
  severity: "medium",
  equivalents: { checkov: ["CKV2_K8S_4"] },
  permissions: () => [{ verbs: ["update", "patch"], groups: [""], resources: ["services/status"] }],
  risk: "whoever is bound to it sets a Service's load-balancer IP and intercepts traffic that pods send to that IP (CVE-2020-8554); only load-balancer controllers need this.",
  namedCounts: () => true,
});
