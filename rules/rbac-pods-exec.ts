/**
 * @fileoverview rbac-pods-exec: a Role or ClusterRole that can open a shell in pods
 * (`create` on `pods/exec`; also `get` before Kubernetes 1.30, when a WebSocket upgrade needed only get).
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";
import { versionAtLeast } from "../src/k8s-helpers/part-b.js";

export default rbacAccessRule({
  name: "rbac-pods-exec",
  description: "Disallow Roles and ClusterRoles that can exec into pods",
  severity: "high",
  equivalents: {
    polaris: ["clusterrolePodExecAttach", "rolePodExecAttach"],
    checkov: ["CKV2_K8S_2"],
    trivy: ["KSV-0053", "KSV053"],
    kubescape: ["C-0002"],
  },
  permissions: (v) => [{ verbs: versionAtLeast(v, 1, 30) ? ["create"] : ["create", "get"], groups: [""], resources: ["pods/exec"] }],
  risk: "whoever is bound to it runs commands in those pods, with their service account token, secrets and host access.",
  namedCounts: () => true,
});
