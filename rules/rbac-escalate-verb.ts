/**
 * @fileoverview rbac-escalate-verb: `escalate` on roles or clusterroles lets a subject write
 * permissions into a role that it does not hold itself.
 */
import { rbacAccessRule, RBAC_GROUP } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-escalate-verb",
  description: "Disallow the escalate verb on roles and clusterroles",
  severity: "critical",
  equivalents: { checkov: ["CKV_K8S_158"], trivy: ["KSV-0050", "KSV050"], kubescape: ["C-0191"] },
  permissions: () => [{ verbs: ["escalate"], groups: [RBAC_GROUP], resources: ["roles", "clusterroles"] }],
  risk: "whoever is bound to it (and can update roles) adds any permission to a role it is bound to: a path to cluster-admin.",
  namedCounts: () => true,
});
