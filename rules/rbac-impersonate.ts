/**
 * @fileoverview rbac-impersonate: `impersonate` on users, groups, service accounts or uids lets a
 * subject act as someone else (e.g. the group system:masters).
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-impersonate",
  description: "Disallow the impersonate verb on users, groups, service accounts and uids",
  severity: "critical",
  equivalents: { checkov: ["CKV2_K8S_3"], trivy: ["KSV-0043", "KSV043"], kubescape: ["C-0065"] },
  permissions: () => [
    { verbs: ["impersonate"], groups: [""], resources: ["users", "groups", "serviceaccounts"] },
    { verbs: ["impersonate"], groups: ["authentication.k8s.io"], resources: ["uids", "userextras"] },
  ],
  risk: "whoever is bound to it acts with the permissions of those identities (impersonating the group system:masters is cluster-admin).",
  namedCounts: () => true,
});
