/**
 * @fileoverview apiserver-audit-log-maxage: `--audit-log-maxage` between 1 and 29 days: rotated
 * audit log files are deleted before a month has passed. 0 keeps them regardless of age; the
 * default is 0 up to 1.35 and 366 from 1.36.
 */
import { flagRule } from "./shared/_flag-rule.js";
import { auditFileDetail, intValue } from "./shared/_apiserver-audit.js";

export default flagRule({
  id: "apiserver-audit-log-maxage",
  description: "Require kube-apiserver to keep rotated audit logs for at least 30 days (--audit-log-maxage)",
  severity: "low",
  cis: ["1.2.17"],
  equivalents: { checkov: ["CKV_K8S_92"], trivy: ["KCV-0020"], "kube-bench": ["1.2.17"] },
  component: "kube-apiserver",
  flags: ["audit-log-maxage"],
  kind: "scalar",
  // kubernetes/apiserver commit 385343a (1.36): the default became 366; before it was 0 (no age limit).
  defaultValue: (minor) => (minor >= 36 ? "366" : "0"),
  insecureWhen: (value) => {
    const n = intValue(value);
    return n !== null && n >= 1 && n <= 29;
  },
  detail: (_value, ctx) => auditFileDetail(ctx),
  fix: { kind: "set", value: "30" },
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: rotated audit log files are deleted after {{value}} days, before an incident is usually noticed and investigated{{detail}}.",
    absent: "kube-apiserver runs without --{{flag}} (default {{default}}).",
    fix: "Set --{{flag}}=30.",
  },
});
