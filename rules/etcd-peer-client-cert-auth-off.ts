/**
 * @fileoverview etcd-peer-client-cert-auth-off: etcd accepts peer connections without a client
 * certificate (`--peer-client-cert-auth` absent or false; default false). Safe fix `=true` when
 * `--peer-trusted-ca-file` names the CA to check against; report only otherwise.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-peer-client-cert-auth-off",
  description: "Require etcd members to authenticate each other by certificate (--peer-client-cert-auth=true)",
  severity: "high",
  cis: ["2.5"],
  equivalents: { checkov: ["CKV_K8S_121"], trivy: ["KCV-0046"], "kube-bench": ["2.5"] },
  component: "etcd",
  flags: ["peer-client-cert-auth"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "false",
  fix: { kind: "set", value: "true" },
  fixMode: "safe",
  fixWhen: (ctx) => !!ctx.value("peer-trusted-ca-file")?.trim(),
  messages: {
    present:
      "etcd --{{flag}}={{value}}: anything that reaches the peer port can pose as a member and join replication, reading and writing all cluster state.",
    absent:
      "etcd runs without --{{flag}} (default false): anything that reaches the peer port can pose as a member and join replication, reading and writing all cluster state.",
    fix: "Set --peer-client-cert-auth=true (--peer-trusted-ca-file is set).",
  },
});
