/**
 * @fileoverview rbac-serviceaccount-token-create: `create` on `serviceaccounts/token` mints
 * tokens for the service accounts in scope.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-serviceaccount-token-create",
  description: "Disallow Roles and ClusterRoles that can mint service account tokens",
  severity: "high",
  equivalents: { kubescape: ["C-0282"] },
  permissions: () => [{ verbs: ["create"], groups: [""], resources: ["serviceaccounts/token"] }],
  risk: "whoever is bound to it obtains tokens for those service accounts and every permission they hold.",
  namedCounts: () => true,
});
