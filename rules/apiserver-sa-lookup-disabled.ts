/**
 * @fileoverview apiserver-sa-lookup-disabled: `--service-account-lookup=false`: service-account
 * tokens are only signature-checked, so tokens of deleted service accounts keep working.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-sa-lookup-disabled",
  description: "Disallow turning off service-account token lookup in kube-apiserver (--service-account-lookup=false)",
  severity: "medium",
  cis: ["1.2.21"],
  equivalents: { checkov: ["CKV_K8S_96"], trivy: ["KCV-0024"], "kube-bench": ["1.2.21"] },
  component: "kube-apiserver",
  flags: ["service-account-lookup"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "false",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present:
      "kube-apiserver --{{flag}}={{value}}: service-account tokens are only checked for a valid signature, so tokens of deleted service accounts and deleted token Secrets keep working until they expire.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}} (the default is true).",
  },
});
