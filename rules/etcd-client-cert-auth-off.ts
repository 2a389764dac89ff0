/**
 * @fileoverview etcd-client-cert-auth-off: etcd accepts clients without a certificate
 * (`--client-cert-auth` absent or false, and no `--trusted-ca-file`, which enforces client
 * certificates by itself).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "etcd-client-cert-auth-off",
  description: "Require etcd to authenticate clients by certificate (--client-cert-auth=true or --trusted-ca-file)",
  severity: "critical",
  cis: ["2.2"],
  equivalents: { checkov: ["CKV_K8S_117"], trivy: ["KCV-0043"], "kube-bench": ["2.2"] },
  component: "etcd",
  flags: ["client-cert-auth"],
  kind: "bool",
  defaultValue: () => "false",
  // etcd v3.6 docs: setting --trusted-ca-file enables client certificate authentication whatever --client-cert-auth says.
  insecureWhen: (value, ctx) => value === "false" && !(ctx.value("trusted-ca-file") ?? "").trim(),
  fix: { kind: "set", value: "true" },
  fixMode: "suggest",
  messages: {
    present:
      "etcd --{{flag}}={{value}} and no --trusted-ca-file: any client that reaches the client port can read and write all cluster state, Secrets included.",
    absent:
      "etcd runs without --{{flag}} (default false) and without --trusted-ca-file: any client that reaches the client port can read and write all cluster state, Secrets included.",
    fix: "Set --client-cert-auth=true (clients then need a certificate signed by the CA in --trusted-ca-file, which you must also set).",
  },
});
