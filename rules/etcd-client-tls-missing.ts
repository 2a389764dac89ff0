/**
 * @fileoverview etcd-client-tls-missing: etcd serves clients without TLS (`--cert-file` or
 * `--key-file` absent). Suggestion only: the certificate files must exist on the node.
 */
import { flagRule } from "./shared/_flag-rule.js";

const KUBEADM_PATHS: Record<string, string> = {
  "cert-file": "/etc/kubernetes/pki/etcd/server.crt",
  "key-file": "/etc/kubernetes/pki/etcd/server.key",
};

export default flagRule({
  id: "etcd-client-tls-missing",
  description: "Require etcd to serve clients over TLS (--cert-file and --key-file)",
  severity: "critical",
  cis: ["2.1"],
  equivalents: { checkov: ["CKV_K8S_116"], trivy: ["KCV-0042"], "kube-bench": ["2.1"] },
  component: "etcd",
  flags: ["cert-file", "key-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  fix: { kind: "set", value: (ctx) => KUBEADM_PATHS[ctx.flag] ?? null },
  fixMode: "suggest",
  messages: {
    present: "etcd --{{flag}} is empty: etcd serves its client port without TLS, so the API server's traffic (all cluster state, Secrets included) is readable and writable on the wire.",
    absent: "etcd runs without --{{flag}}: it serves its client port without TLS, so the API server's traffic (all cluster state, Secrets included) is readable and writable on the wire.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the file must exist on the node).",
  },
});
