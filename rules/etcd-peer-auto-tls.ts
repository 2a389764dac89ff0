/**
 * @fileoverview etcd-peer-auto-tls: etcd members talk to each other with auto-generated
 * self-signed certificates (`--peer-auto-tls=true`) that peers cannot verify.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-peer-auto-tls",
  description: "Disallow self-signed auto-generated peer certificates in etcd (--peer-auto-tls)",
  severity: "high",
  cis: ["2.6"],
  equivalents: { trivy: ["KCV-0047"], "kube-bench": ["2.6"] },
  component: "etcd",
  flags: ["peer-auto-tls"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "true",
  fix: { kind: "remove" },
  fixMode: "safe",
  // Without real peer certificates, deleting the flag turns peer traffic into plain HTTP: report only.
  fixWhen: (ctx) => !!ctx.value("peer-cert-file")?.trim() && !!ctx.value("peer-key-file")?.trim(),
  messages: {
    present:
      "etcd --{{flag}}={{value}}: members authenticate each other with self-signed certificates nobody can verify, so a host on the peer network can join or intercept replication.",
    absent: "etcd has no --{{flag}}.",
    fix: "Remove --{{flag}} (--peer-cert-file and --peer-key-file are set).",
  },
});
