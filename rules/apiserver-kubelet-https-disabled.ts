/**
 * @fileoverview apiserver-kubelet-https-disabled: `--kubelet-https=false`. Up to 1.18 the API
 * server then talks to kubelets over plain HTTP; the flag is deprecated and ignored from 1.19.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-kubelet-https-disabled",
  description: "Disallow plain-HTTP connections from kube-apiserver to kubelets (--kubelet-https=false)",
  severity: "medium",
  equivalents: { checkov: ["CKV_K8S_71"], trivy: ["KCV-0004"], "kube-bench": ["cis-1.6 1.2.4"] },
  component: "kube-apiserver",
  flags: ["kubelet-https"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "false",
  detail: (_value, ctx) =>
    ctx.minor >= 19
      ? "the flag is deprecated since 1.19 and has no effect (connections to kubelets always use HTTPS), and later releases dropped it: the API server then exits with 'unknown flag'"
      : "the API server talks to kubelets over plain HTTP, so exec, attach, logs and port-forward traffic crosses the network unencrypted",
  fix: { kind: "remove" },
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: {{detail}}.",
    absent: "kube-apiserver has no --{{flag}}.",
    fix: "Remove --{{flag}} (the default is HTTPS).",
  },
});
