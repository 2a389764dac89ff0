/**
 * @fileoverview apiserver-kubelet-client-cert-missing: kube-apiserver calls kubelets without a
 * client certificate (`--kubelet-client-certificate` / `--kubelet-client-key` absent).
 */
import { flagRule } from "./shared/_flag-rule.js";

const KUBEADM_PATHS: Record<string, string> = {
  "kubelet-client-certificate": "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
  "kubelet-client-key": "/etc/kubernetes/pki/apiserver-kubelet-client.key",
};

export default flagRule({
  id: "apiserver-kubelet-client-cert-missing",
  description: "Require kube-apiserver to authenticate to kubelets with a client certificate (--kubelet-client-certificate, --kubelet-client-key)",
  severity: "high",
  cis: ["1.2.4"],
  equivalents: { checkov: ["CKV_K8S_72"], trivy: ["KCV-0005"], "kube-bench": ["1.2.4"] },
  component: "kube-apiserver",
  flags: ["kubelet-client-certificate", "kubelet-client-key"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: (ctx) => KUBEADM_PATHS[ctx.flag] ?? null },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: the API server calls kubelets without a client certificate, which only works when kubelets accept anonymous requests.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): the API server calls kubelets without a client certificate, which only works when kubelets accept anonymous requests.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the certificate must be signed by the kubelets' client CA).",
  },
});
