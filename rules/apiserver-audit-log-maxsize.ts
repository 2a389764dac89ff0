/**
 * @fileoverview apiserver-audit-log-maxsize: `--audit-log-maxsize` below 100 (MB). The default is
 * 0 up to 1.35 and 100 from 1.36, where 0 disables rotation. With `cisStrict` (the cis preset) it
 * also reports the flag not written on 1.36+, which CIS 1.2.19 / kube-bench fail (a test item
 * without `set:` requires the flag) although the default meets the value.
 */
import type { FlagCheckContext, FlagRuleSpec } from "./shared/_flag-rule.js";
import { auditFileDetail, cisMinimumExtra, cisMinimumValue, intValue, withCisStrict } from "./shared/_apiserver-audit.js";

const insecureWhen: FlagRuleSpec["insecureWhen"] = (value) => {
  const n = intValue(value);
  return n !== null && n < 100;
};

function detail(value: string | null, ctx: FlagCheckContext): string {
  const n = intValue(value);
  let why: string;
  if (n !== null && n >= 100) why = "the default meets the value, but CIS 1.2.19 (kube-bench) requires the flag to be written";
  else if (value === null || n === 0) why = ctx.minor >= 36 ? "0 turns rotation off, so the audit log grows until the disk is full" : "the rotation size is not set to at least 100 MB";
  else why = "the log rotates so often that the kept files cover little time";
  return `${why}${auditFileDetail(ctx)}`;
}

export default withCisStrict(
  {
    id: "apiserver-audit-log-maxsize",
    description: "Require a kube-apiserver audit log rotation size of at least 100 MB (--audit-log-maxsize)",
    severity: "low",
    cis: ["1.2.19"],
    equivalents: { checkov: ["CKV_K8S_94"], trivy: ["KCV-0022"], "kube-bench": ["1.2.19"] },
    component: "kube-apiserver",
    flags: ["audit-log-maxsize"],
    kind: "scalar",
    // kubernetes/apiserver commit 385343a (1.36): the default became 100; before it was 0.
    defaultValue: (minor) => (minor >= 36 ? "100" : "0"),
    insecureWhen,
    detail,
    fix: { kind: "set", value: "100" },
    fixMode: "safe",
    messages: {
      present: "kube-apiserver --{{flag}}={{value}} is below 100 MB (CIS 1.2.19): {{detail}}.",
      absent: "kube-apiserver runs without --{{flag}}, whose default is 0 up to 1.35 (1.36 changed it to 100): {{detail}}.",
      fix: "Set --{{flag}}={{value}}.",
    },
  },
  { insecureWhen: cisMinimumExtra(100, insecureWhen), fix: { kind: "set", value: cisMinimumValue(100) } },
);
