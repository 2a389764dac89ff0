/**
 * @fileoverview apiserver-basic-auth-file: `--basic-auth-file` (static user names and passwords
 * in a CSV file). Removed in Kubernetes 1.19: newer API servers exit with 'unknown flag'.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-basic-auth-file",
  description: "Disallow static password authentication in kube-apiserver (--basic-auth-file)",
  severity: "high",
  equivalents: { checkov: ["CKV_K8S_69"], "kube-bench": ["cis-1.6 1.2.2"] },
  component: "kube-apiserver",
  flags: ["basic-auth-file"],
  kind: "scalar",
  insecureWhen: (value) => value !== null,
  detail: (_value, ctx) =>
    ctx.minor >= 19
      ? `kube-apiserver 1.${ctx.minor} no longer has this flag (basic authentication was removed in 1.19) and exits at start-up ('unknown flag')`
      : "user names and passwords sit in a plain-text file on disk, are sent with every request, never expire and change only with a restart",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: {{detail}}.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}}.",
  },
});
