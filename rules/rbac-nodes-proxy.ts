/**
 * @fileoverview rbac-nodes-proxy: any verb on `nodes/proxy` reaches the kubelet API through the
 * API server proxy: exec into any pod of the node, read its logs and secrets, bypassing
 * admission and most audit logging. Even `get` is enough for WebSocket exec.
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";

export default rbacAccessRule({
  name: "rbac-nodes-proxy",
  description: "Disallow ClusterRoles that can use the nodes/proxy subresource",
  severity: "critical",
  equivalents: { checkov: ["CKV2_K8S_2"], trivy: ["KSV-0047", "KSV047"], kubescape: ["C-0279"] },
  permissions: () => [{ verbs: ["get", "create", "update", "patch", "delete"], groups: [""], resources: ["nodes/proxy"], clusterScoped: true }],
  risk: "whoever is bound to it talks to the kubelet API of those nodes: exec into any pod, read logs and mounted secrets, without admission control.",
  namedCounts: () => true,
});
