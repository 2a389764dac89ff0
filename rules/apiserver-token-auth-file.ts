/**
 * @fileoverview apiserver-token-auth-file: kube-apiserver accepts static bearer tokens from a
 * CSV file (`--token-auth-file`): no expiry, no rotation without a restart.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-token-auth-file",
  description: "Disallow static token authentication in kube-apiserver (--token-auth-file)",
  severity: "high",
  cis: ["1.2.2"],
  equivalents: { checkov: ["CKV_K8S_70"], trivy: ["KCV-0002"], "kube-bench": ["1.2.2"] },
  component: "kube-apiserver",
  flags: ["token-auth-file"],
  kind: "scalar",
  insecureWhen: (value) => value !== null,
  fix: { kind: "remove" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: static bearer tokens in a file on disk never expire and can only be revoked by editing the file and restarting the API server.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}} (users and tools authenticating with those tokens lose access: move them to certificates, OIDC or service-account tokens first).",
  },
});
