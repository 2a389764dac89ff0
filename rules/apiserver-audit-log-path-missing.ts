/**
 * @fileoverview apiserver-audit-log-path-missing: kube-apiserver has no audit backend (neither
 * `--audit-log-path` nor `--audit-webhook-config-file`).
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-audit-log-path-missing",
  description: "Require an audit log backend in kube-apiserver (--audit-log-path or --audit-webhook-config-file)",
  severity: "medium",
  cis: ["1.2.16"],
  equivalents: { checkov: ["CKV_K8S_91"], trivy: ["KCV-0019"], "kube-bench": ["1.2.16"] },
  component: "kube-apiserver",
  flags: ["audit-log-path"],
  kind: "scalar",
  insecureWhen: (value, ctx) => (value === null || value.trim() === "") && (ctx.value("audit-webhook-config-file") ?? "").trim() === "",
  fix: { kind: "set", value: "/var/log/kubernetes/audit/audit.log" },
  fixMode: "suggest",
  messages: {
    present:
      "kube-apiserver --{{flag}} is empty and no --audit-webhook-config-file is set: no audit events are written, so API activity (who read which Secret, who ran exec) leaves no trace.",
    absent:
      "kube-apiserver sets neither --{{flag}} nor --audit-webhook-config-file: no audit events are written, so API activity (who read which Secret, who ran exec) leaves no trace.",
    fix: "Set --{{flag}}={{value}} (mount /var/log/kubernetes/audit from the host, and add --audit-policy-file, or nothing is logged).",
  },
});
