/**
 * @fileoverview apiserver-audit-log-path-missing: kube-apiserver has no audit backend (neither
 * `--audit-log-path` nor `--audit-webhook-config-file`). With `cisStrict` (the cis preset) it also
 * reports a webhook-only backend, which CIS 1.2.16 / kube-bench fail (they require
 * `--audit-log-path` itself).
 */
import type { FlagRuleSpec } from "./shared/_flag-rule.js";
import { withCisStrict } from "./shared/_apiserver-audit.js";

const noPath = (value: string | null): boolean => value === null || value.trim() === "";
const insecureWhen: FlagRuleSpec["insecureWhen"] = (value, ctx) => noPath(value) && (ctx.value("audit-webhook-config-file") ?? "").trim() === "";

export default withCisStrict(
  {
    id: "apiserver-audit-log-path-missing",
    description: "Require an audit log backend in kube-apiserver (--audit-log-path or --audit-webhook-config-file)",
    severity: "medium",
    cis: ["1.2.16"],
    equivalents: { checkov: ["CKV_K8S_91"], trivy: ["KCV-0019"], "kube-bench": ["1.2.16"] },
    component: "kube-apiserver",
    flags: ["audit-log-path"],
    kind: "scalar",
    insecureWhen,
    detail: (_value, ctx) =>
      (ctx.value("audit-webhook-config-file") ?? "").trim() === ""
        ? "no --audit-webhook-config-file is set either, so no audit events are written and API activity (who read which Secret, who ran exec) leaves no trace"
        : "audit events go only to the webhook backend (--audit-webhook-config-file); CIS 1.2.16 (kube-bench) requires a log file as well",
    fix: { kind: "set", value: "/var/log/kubernetes/audit/audit.log" },
    fixMode: "suggest",
    messages: {
      present: "kube-apiserver --{{flag}} is empty: {{detail}}.",
      absent: "kube-apiserver runs without --{{flag}}: {{detail}}.",
      fix: "Set --{{flag}}={{value}} (mount /var/log/kubernetes/audit from the host, and add --audit-policy-file, or nothing is logged).",
    },
  },
  { insecureWhen: (value, ctx) => noPath(value) && !insecureWhen(value, ctx), fix: { kind: "set", value: "/var/log/kubernetes/audit/audit.log" } },
);
