/**
 * @fileoverview kubelet-client-ca-missing: the kubelet has no client CA (`--client-ca-file` /
 * `authentication.x509.clientCAFile` unset), so X.509 client authentication is off and the API
 * server's kubelet-client certificate cannot authenticate.
 */
import { kubeletRule, readConfigString } from "./shared/_kubelet-rule.js";

export default kubeletRule({
  name: "kubelet-client-ca-missing",
  description: "Require a client CA for the kubelet API",
  severity: "high",
  cis: ["4.2.3"],
  equivalents: { checkov: ["CKV_K8S_140"], trivy: ["KCV-0081"], "kube-bench": ["4.2.3"] },
  flag: "client-ca-file",
  configPath: ["authentication", "x509"],
  configField: "clientCAFile",
  readConfig: readConfigString,
  isInsecure: (v) => v === null || v.trim() === "",
  flagDefault: null,
  configDefault: null,
  // kubeadm writes authentication.x509.clientCAFile: <certificatesDir>/ca.crt into the config it generates.
  kubeadmDefault: "/etc/kubernetes/pki/ca.crt",
  fix: { kind: "set", flag: () => "/etc/kubernetes/pki/ca.crt", config: () => "/etc/kubernetes/pki/ca.crt" },
  fixMode: "suggest",
  risk: "X.509 client authentication is off, so the API server's kubelet-client certificate is not accepted and only webhook tokens (or anonymous access) remain.",
  messages: {
    setFlag: "Set --client-ca-file to the cluster CA bundle (kubeadm: /etc/kubernetes/pki/ca.crt).",
    setConfig: "Set authentication.x509.clientCAFile to the cluster CA bundle (kubeadm: /etc/kubernetes/pki/ca.crt).",
  },
});
