/**
 * @fileoverview xf-audit-policy-without-backend: kube-apiserver has an audit policy
 * (`--audit-policy-file`) but no backend to send events to — neither `--audit-log-path` nor
 * `--audit-webhook-config-file` (catalog-config.md §1.12). The policy is read and evaluated, and
 * every event is dropped: no audit trail, while the configuration looks audited.
 */
import { crossRule } from "../src/crossdoc/index.js";
import { effective, isAuditPolicy, resolvePath, setObj, setsOf, valueNode } from "./shared/_xf.js";

export default crossRule({
  name: "xf-audit-policy-without-backend",
  meta: {
    type: "problem",
    docs: {
      description: "Require an audit backend (log file or webhook) when kube-apiserver has an audit policy",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      noBackend:
        "kube-apiserver has an audit policy (--audit-policy-file={{path}}) but neither --audit-log-path nor --audit-webhook-config-file: every audit event is dropped{{target}}. Add --audit-log-path=/var/log/kubernetes/audit/audit.log (with a writable hostPath mount) or an audit webhook.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    for (const e of setsOf(index, "kube-apiserver")) {
      const policy = effective(e.set, "audit-policy-file");
      if (!policy.flag || !policy.value?.trim()) continue;
      const log = effective(e.set, "audit-log-path").value?.trim();
      const hook = effective(e.set, "audit-webhook-config-file").value?.trim();
      if (log || hook) continue;
      const targets = resolvePath(index, e.file, policy.value, isAuditPolicy, e.obj ?? undefined);
      report({
        obj: setObj(e),
        node: valueNode(policy.flag),
        messageId: "noBackend",
        data: { path: policy.value, target: targets.length ? ` (the policy is ${where(targets[0]!)})` : "" },
        related: targets.map((t) => ({ obj: t, message: "The audit policy this flag names" })),
      });
    }
  },
});
