/**
 * @fileoverview apiserver-tls-cert-missing: kube-apiserver has no serving certificate
 * (`--tls-cert-file` / `--tls-private-key-file` absent) and generates a self-signed one.
 */
import { flagRule } from "./shared/_flag-rule.js";

const KUBEADM_PATHS: Record<string, string> = {
  "tls-cert-file": "/etc/kubernetes/pki/apiserver.crt",
  "tls-private-key-file": "/etc/kubernetes/pki/apiserver.key",
};

export default flagRule({
  id: "apiserver-tls-cert-missing",
  description: "Require a kube-apiserver serving certificate and key (--tls-cert-file, --tls-private-key-file)",
  severity: "medium",
  cis: ["1.2.24"],
  equivalents: { checkov: ["CKV_K8S_100"], trivy: ["KCV-0027"], "kube-bench": ["1.2.24"] },
  component: "kube-apiserver",
  flags: ["tls-cert-file", "tls-private-key-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: (ctx) => KUBEADM_PATHS[ctx.flag] ?? null },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty: the API server generates a self-signed serving certificate (in --cert-dir) that clients cannot verify against the cluster CA.",
    absent:
      "kube-apiserver runs without --{{flag}} ({{carrier}}): the API server generates a self-signed serving certificate (in --cert-dir) that clients cannot verify against the cluster CA.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the certificate must be signed by a CA the clients trust).",
  },
});
