/**
 * @fileoverview etcd-auto-tls: etcd serves clients with an auto-generated self-signed
 * certificate (`--auto-tls=true`) that no client can verify.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-auto-tls",
  description: "Disallow self-signed auto-generated client certificates in etcd (--auto-tls)",
  severity: "high",
  cis: ["2.3"],
  equivalents: { checkov: ["CKV_K8S_118"], trivy: ["KCV-0044"], "kube-bench": ["2.3"] },
  component: "etcd",
  flags: ["auto-tls"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  // Without real certificates, deleting the flag turns the client port into plain HTTP: report only.
  fixWhen: (ctx) => !!ctx.value("cert-file")?.trim() && !!ctx.value("key-file")?.trim(),
  messages: {
    present:
      "etcd --{{flag}}={{value}}: clients get a self-signed certificate they cannot verify, so the connection can be intercepted by anyone who presents another self-signed certificate.",
    absent: "etcd has no --{{flag}}.",
    fix: "Remove --{{flag}} (--cert-file and --key-file are set).",
  },
});
