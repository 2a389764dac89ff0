/**
 * @fileoverview etcd-peer-tls-missing: etcd talks to its peers without TLS (`--peer-cert-file` or
 * `--peer-key-file` absent) while peers can reach it (several members in `--initial-cluster`, or
 * a non-loopback `--listen-peer-urls`). Suggestion only: the certificate files must exist.
 */
import { peersReachable } from "./shared/_etcd.js";
import { flagRule } from "./shared/_flag-rule.js";

const KUBEADM_PATHS: Record<string, string> = {
  "peer-cert-file": "/etc/kubernetes/pki/etcd/peer.crt",
  "peer-key-file": "/etc/kubernetes/pki/etcd/peer.key",
};

export default flagRule({
  id: "etcd-peer-tls-missing",
  description: "Require TLS between etcd members (--peer-cert-file and --peer-key-file)",
  severity: "high",
  cis: ["2.4"],
  equivalents: { checkov: ["CKV_K8S_119"], trivy: ["KCV-0045"], "kube-bench": ["2.4"] },
  component: "etcd",
  flags: ["peer-cert-file", "peer-key-file"],
  kind: "scalar",
  insecureWhen: (value, ctx) => (value === null || value.trim() === "") && peersReachable(ctx),
  fix: { kind: "set", value: (ctx) => KUBEADM_PATHS[ctx.flag] ?? null },
  fixMode: "suggest",
  messages: {
    present: "etcd --{{flag}} is empty: members replicate the whole cluster state, Secrets included, to each other in plain text.",
    absent: "etcd runs without --{{flag}} while peers can reach it: members replicate the whole cluster state, Secrets included, to each other in plain text.",
    fix: "Set --{{flag}}={{value}} (kubeadm's path; the file must exist on the node).",
  },
});
