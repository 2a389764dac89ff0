/**
 * @fileoverview rbac-pods-attach: a Role or ClusterRole that can attach to the running process of
 * pods (`create` on `pods/attach`; also `get` before Kubernetes 1.30).
 */
import { rbacAccessRule } from "./shared/_cluster-rbac.js";
import { versionAtLeast } from "../src/k8s-helpers/part-b.js";

export default rbacAccessRule({
  name: "rbac-pods-attach",
  description: "Disallow Roles and ClusterRoles that can attach to pods",
  severity: "high",
  equivalents: { polaris: ["clusterrolePodExecAttach", "rolePodExecAttach"], trivy: ["KSV-0054", "KSV054"] },
  permissions: (v) => [{ verbs: versionAtLeast(v, 1, 30) ? ["create"] : ["create", "get"], groups: [""], resources: ["pods/attach"] }],
  risk: "whoever is bound to it reads and writes the stdin/stdout of the containers' main processes (an interactive shell where the process is one).",
  namedCounts: () => true,
});
