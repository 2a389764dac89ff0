/**
 * @fileoverview host-pid: `hostPID: true` puts the pod in the node's process namespace.
 */
import { hostNamespaceRule } from "./shared/_b-host-namespace.js";

export default hostNamespaceRule({
  name: "host-pid",
  field: "hostPID",
  description: "Disallow pods that share the node's process ID namespace (hostPID)",
  risk: "its containers see every process on the node, can read their environment and /proc entries, and can signal or ptrace them.",
  cis: "5.2.3",
  equivalents: {
    "kube-linter": ["host-pid"],
    polaris: ["hostPIDSet"],
    checkov: ["CKV_K8S_17"],
    trivy: ["KSV010"],
    kubescape: ["C-0038", "C-0275"],
    kubesec: ["HostPID"],
  },
});
