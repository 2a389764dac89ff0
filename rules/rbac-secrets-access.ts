/**
 * @fileoverview rbac-secrets-access: a Role or ClusterRole that can read Secrets (get, list or
 * watch on `secrets`, through `*` too) without naming them in resourceNames.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-secrets-access",
  description: "Disallow Roles and ClusterRoles that read every Secret in their scope",
  severity: "high",
  equivalents: { "kube-linter": ["access-to-secrets"], checkov: ["CKV2_K8S_5"], trivy: ["KSV-0041", "KSV041", "KSV-0113", "KSV113"], kubescape: ["C-0015", "C-0186"] },
  permissions: () => [{ verbs: ["get", "list", "watch"], groups: [""], resources: ["secrets"] }],
  risk: "whoever is bound to it reads every Secret in its scope (service account tokens, TLS keys, passwords).",
});
