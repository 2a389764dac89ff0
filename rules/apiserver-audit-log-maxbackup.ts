/**
 * @fileoverview apiserver-audit-log-maxbackup: `--audit-log-maxbackup` between 1 and 9: fewer than
 * ten rotated audit log files are kept. 0 keeps every file; the default is 0 up to 1.35 and 100
 * from 1.36. With `cisStrict` (the cis preset) it also reports what CIS 1.2.18 / kube-bench fail:
 * the flag not written, or 0 (kube-bench `op: gte`, `value: 10`).
 */
import type { FlagCheckContext, FlagRuleSpec } from "./shared/_flag-rule.js";
import { auditFileDetail, cisMinimumExtra, cisMinimumValue, intValue, withCisStrict } from "./shared/_apiserver-audit.js";

const insecureWhen: FlagRuleSpec["insecureWhen"] = (value) => {
  const n = intValue(value);
  return n !== null && n >= 1 && n <= 9;
};

function detail(value: string | null, ctx: FlagCheckContext): string {
  const n = intValue(value);
  let why: string;
  if (!ctx.has(ctx.flag)) why = ": CIS 1.2.18 (kube-bench) requires the flag to be set to at least 10";
  else if (n !== null && n >= 1 && n <= 9) why = `: only ${n} rotated audit log files are kept, so a burst of requests can push the evidence of an attack out of the log`;
  else why = " keeps every rotated audit log file, but CIS 1.2.18 (kube-bench) requires a value of at least 10";
  return `${why}${auditFileDetail(ctx)}`;
}

export default withCisStrict(
  {
    id: "apiserver-audit-log-maxbackup",
    description: "Require kube-apiserver to keep at least 10 rotated audit log files (--audit-log-maxbackup)",
    severity: "low",
    cis: ["1.2.18"],
    equivalents: { checkov: ["CKV_K8S_93"], trivy: ["KCV-0021"], "kube-bench": ["1.2.18"] },
    component: "kube-apiserver",
    flags: ["audit-log-maxbackup"],
    kind: "scalar",
    // kubernetes/apiserver commit 385343a (1.36): the default became 100; before it was 0 (no limit).
    defaultValue: (minor) => (minor >= 36 ? "100" : "0"),
    insecureWhen,
    detail,
    fix: { kind: "set", value: "10" },
    fixMode: "safe",
    messages: {
      present: "kube-apiserver --{{flag}}={{value}}{{detail}}.",
      absent: "kube-apiserver runs without --{{flag}} (default {{default}}){{detail}}.",
      fix: "Set --{{flag}}={{value}}.",
    },
  },
  { insecureWhen: cisMinimumExtra(10, insecureWhen), fix: { kind: "set", value: cisMinimumValue(10) } },
);
