/**
 * @fileoverview apiserver-audit-log-maxage: `--audit-log-maxage` between 1 and 29 days: rotated
 * audit log files are deleted before a month has passed. 0 keeps them regardless of age; the
 * default is 0 up to 1.35 and 366 from 1.36. With `cisStrict` (the cis preset) it also reports what
 * CIS 1.2.17 / kube-bench fail: the flag not written, or 0 (kube-bench `op: gte`, `value: 30`).
 */
import type { FlagCheckContext, FlagRuleSpec } from "./shared/_flag-rule.js";
import { auditFileDetail, cisMinimumExtra, cisMinimumValue, intValue, withCisStrict } from "./shared/_apiserver-audit.js";

const insecureWhen: FlagRuleSpec["insecureWhen"] = (value) => {
  const n = intValue(value);
  return n !== null && n >= 1 && n <= 29;
};

function detail(value: string | null, ctx: FlagCheckContext): string {
  const n = intValue(value);
  let why: string;
  if (!ctx.has(ctx.flag)) why = ": CIS 1.2.17 (kube-bench) requires the flag to be set to at least 30";
  else if (n !== null && n >= 1 && n <= 29) why = `: rotated audit log files are deleted after ${n} days, before an incident is usually noticed and investigated`;
  else why = " keeps rotated audit log files regardless of age, but CIS 1.2.17 (kube-bench) requires a value of at least 30";
  return `${why}${auditFileDetail(ctx)}`;
}

export default withCisStrict(
  {
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
    insecureWhen,
    detail,
    fix: { kind: "set", value: "30" },
    fixMode: "safe",
    messages: {
      present: "kube-apiserver --{{flag}}={{value}}{{detail}}.",
      absent: "kube-apiserver runs without --{{flag}} (default {{default}}){{detail}}.",
      fix: "Set --{{flag}}={{value}}.",
    },
  },
  { insecureWhen: cisMinimumExtra(30, insecureWhen), fix: { kind: "set", value: cisMinimumValue(30) } },
);
