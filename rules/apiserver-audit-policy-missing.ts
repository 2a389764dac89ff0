/**
 * @fileoverview apiserver-audit-policy-missing: kube-apiserver has no `--audit-policy-file`, so no
 * audit events are recorded even when a backend is configured.
 */
import { flagRule } from "./shared/_flag-rule.js";

export default flagRule({
  id: "apiserver-audit-policy-missing",
  description: "Require an audit policy in kube-apiserver (--audit-policy-file)",
  severity: "medium",
  cis: ["3.2.1"],
  equivalents: { "kube-bench": ["3.2.1"] },
  component: "kube-apiserver",
  flags: ["audit-policy-file"],
  kind: "scalar",
  insecureWhen: (value) => value === null || value.trim() === "",
  detail: (_value, ctx) =>
    (ctx.value("audit-log-path") ?? "").trim() !== "" || (ctx.value("audit-webhook-config-file") ?? "").trim() !== ""
      ? "the configured audit backend receives nothing"
      : "and no audit backend is configured either",
  fix: { kind: "set", value: "/etc/kubernetes/audit-policy.yaml" },
  fixMode: "suggest",
  messages: {
    present: "kube-apiserver --{{flag}} is empty: no audit events are recorded ({{detail}}).",
    absent: "kube-apiserver runs without --{{flag}} ({{carrier}}): without a policy no audit events are recorded ({{detail}}).",
    fix: "Set --{{flag}}={{value}} after writing an audit Policy there and mounting it into the API server pod.",
  },
});
