/**
 * @fileoverview kcm-sa-credentials-disabled: kube-controller-manager runs every controller with
 * its own identity instead of one service account per controller
 * (`--use-service-account-credentials`, default false; kubeadm sets true). Safe fix: `=true`
 * (the bootstrap RBAC roles for the per-controller service accounts exist by default).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "kcm-sa-credentials-disabled",
  description: "Run kube-controller-manager controllers with individual service account credentials (--use-service-account-credentials=true)",
  severity: "medium",
  cis: ["1.3.3"],
  equivalents: { checkov: ["CKV_K8S_108"], trivy: ["KCV-0035"], "kube-bench": ["1.3.3"] },
  component: "kube-controller-manager",
  flags: ["use-service-account-credentials"],
  kind: "bool",
  defaultValue: () => "false",
  insecureWhen: (value) => value === "false",
  fix: { kind: "set", value: "true" },
  fixMode: "safe",
  messages: {
    present:
      "kube-controller-manager --{{flag}}={{value}}: all controllers share the controller manager's own identity, so a flaw in any controller carries the union of their permissions.",
    absent:
      "kube-controller-manager runs without --{{flag}} (default {{default}}): all controllers share the controller manager's own identity, so a flaw in any controller carries the union of their permissions.",
    fix: "Set --use-service-account-credentials=true.",
  },
});
