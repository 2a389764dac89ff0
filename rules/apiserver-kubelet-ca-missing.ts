/**
 * @fileoverview apiserver-kubelet-ca-missing: kube-apiserver does not verify kubelet serving
 * certificates (`--kubelet-certificate-authority` absent). Not set by kubeadm.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-kubelet-ca-missing",
  description: "Require kube-apiserver to verify kubelet serving certificates (--kubelet-certificate-authority)",
  severity: "high",
  cis: ["1.2.5"],
  equivalents: { checkov: ["CKV_K8S_73"], trivy: ["KCV-0006"], "kube-bench": ["1.2.5"] },
  component: "kube-apiserver",
  flags: ["kubelet-certificate-authority"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: "/etc/kubernetes/pki/ca.crt" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: kubelet serving certificates are not verified, so exec, attach, logs and port-forward traffic to kubelets can be intercepted.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): kubelet serving certificates are not verified, so exec, attach, logs and port-forward traffic to kubelets can be intercepted.",
    fix: "Set --{{flag}}={{value}} (only once every kubelet serves a certificate signed by that CA, e.g. serverTLSBootstrap: true with approved CSRs).",
  },
});
