/**
 * @fileoverview host-ipc: `hostIPC: true` puts the pod in the node's IPC namespace.
 */
import { hostNamespaceRule } from "./shared/_b-host-namespace.js";

export default hostNamespaceRule({
  name: "host-ipc",
  field: "hostIPC",
  description: "Disallow pods that share the node's IPC namespace (hostIPC)",
  risk: "its containers can read and write the shared memory segments, semaphores and message queues of every process on the node.",
  cis: "5.2.4",
  equivalents: {
    "kube-linter": ["host-ipc"],
    polaris: ["hostIPCSet"],
    checkov: ["CKV_K8S_18"],
    trivy: ["KSV008"],
    kubescape: ["C-0038", "C-0276"],
    kubesec: ["HostIPC"],
  },
});
