/**
 * @fileoverview rbac-csr-approve: update/patch on `certificatesigningrequests/approval` approves
 * certificate requests (with `approve` on the signer, which may come from another role): a client
 * certificate for any user or group, e.g. system:masters.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-csr-approve",
  description: "Disallow ClusterRoles that can approve certificate signing requests",
  severity: "high",
  equivalents: { checkov: ["CKV_K8S_156"], kubescape: ["C-0280"] },
  permissions: () => [{ verbs: ["update", "patch"], groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], clusterScoped: true }],
  risk: "whoever is bound to it (with approve on a signer) approves client certificates for any identity, such as the group system:masters.",
  namedCounts: () => true,
});
