/**
 * @fileoverview rbac-bind-verb: `bind` on roles or clusterroles lets a subject create bindings to
 * roles whose permissions it does not hold.
 */
import { rbacAccessRule, RBAC_GROUP } from "./shared/_cluster-rbac.js";

const POWERFUL = new Set(["cluster-admin", "admin", "edit"]);

export default rbacAccessRule({
  name: "rbac-bind-verb",
  description: "Disallow the bind verb on roles and clusterroles unless it is limited to harmless roles",
  severity: "critical",
  equivalents: { checkov: ["CKV_K8S_157", "CKV2_K8S_1"], trivy: ["KSV-0050", "KSV050"], kubescape: ["C-0191"] },
  permissions: () => [{ verbs: ["bind"], groups: [RBAC_GROUP], resources: ["roles", "clusterroles"] }],
  risk: "whoever is bound to it (and can write bindings) grants itself or anyone those roles' permissions without holding them.",
  // bind limited by resourceNames is the intended way to delegate; it still counts for the powerful roles.
  namedCounts: (names) => names.some((n) => POWERFUL.has(n) || n.startsWith("system:")),
});
