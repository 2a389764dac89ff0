/**
 * @fileoverview host-network: `hostNetwork: true` puts the pod in the node's network namespace.
 */
import { hostNamespaceRule } from "./shared/_b-host-namespace.js";

export default hostNamespaceRule({
  name: "host-network",
  field: "hostNetwork",
  description: "Disallow pods that share the node's network namespace (hostNetwork)",
  risk: "it uses the node's network stack, can bind any node port, reach services listening on localhost and sniff node traffic, and bypasses NetworkPolicies.",
  cis: "5.2.5",
  equivalents: {
    "kube-linter": ["host-network"],
    polaris: ["hostNetworkSet"],
    checkov: ["CKV_K8S_19"],
    trivy: ["KSV009"],
    kubescape: ["C-0041"],
    kubesec: ["HostNetwork"],
  },
});
