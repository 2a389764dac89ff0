/**
 * @fileoverview apiserver-audit-log-maxbackup: `--audit-log-maxbackup` between 1 and 9: fewer than
 * ten rotated audit log files are kept. 0 keeps every file; the default is 0 up to 1.35 and 100
 * from 1.36.
 */
import { flagRule } from "./shared/_flag-rule.js";
import { auditFileDetail, intValue } from "./shared/_apiserver-audit.js";

export default flagRule({
  id: "apiserver-audit-log-maxbackup",
  description: "Require kube-apiserver to keep at least 10 rotated audit log files (--audit-log-maxbackup)",
  severity: "low",
  cis: ["1.2.18"],
  equivalents: { checkov: ["CKV_K8S_93"], trivy: ["KCV-0021"], "kube-bench": ["1.2.18"] },
  component: "kube-apiserver",
  flags: ["audit-log-maxbackup"],
  kind: "scalar",
  defaultValue: (minor) => (minor >= 36 ? "100" : "0"),
  insecureWhen: (value) => {
    const n = intValue(value);
    return n !== null && n >= 1 && n <= 9;
  },
  detail: (_value, ctx) => auditFileDetail(ctx),
  fix: { kind: "set", value: "10" },
  fixMode: "safe",
  messages: {
    present: "kube-apiserver --{{flag}}={{value}}: only {{value}} rotated audit log files are kept, so a burst of requests can push the evidence of an attack out of the log{{detail}}.",
    absent: "kube-apiserver runs without --{{flag}} (default {{default}}).",
    fix: "Set --{{flag}}=10.",
  },
});
