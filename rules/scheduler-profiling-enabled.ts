/**
 * @fileoverview scheduler-profiling-enabled: kube-scheduler serves /debug/pprof (`--profiling`,
 * default true; kubeadm does not set it). With `--config` the flag is ignored ("This parameter is
 * ignored if a config file is specified in --config") and `enableProfiling` of the
 * KubeSchedulerConfiguration decides (default true), so that document is checked too.
 * Safe fix: `--profiling=false` / `enableProfiling: false`.
 */
import { insertPair, replaceNode } from "../src/fix/index.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getPair } from "../src/language/query.js";
import type { K8sRuleContext, K8sRuleDefinition } from "../src/rule.js";
import { flagRule, parseGoBool } from "./shared/_flag-rule.js";

const base = flagRule({
  id: "scheduler-profiling-enabled",
  description: "Disable kube-scheduler profiling (--profiling=false or enableProfiling: false)",
  severity: "low",
  cis: ["1.4.1"],
  equivalents: { checkov: ["CKV_K8S_114"], trivy: ["KCV-0040"], "kube-bench": ["1.4.1"] },
  component: "kube-scheduler",
  flags: ["profiling"],
  kind: "bool",
  defaultValue: () => "true",
  insecureWhen: (value) => value === "true",
  // With --config the flag is ignored: the KubeSchedulerConfiguration's enableProfiling decides.
  skip: (ctx) => (ctx.value("config") ?? "").trim() !== "",
  fix: { kind: "set", value: "false" },
  fixMode: "safe",
  messages: {
    present: "kube-scheduler --{{flag}}={{value}} serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand.",
    absent: "kube-scheduler runs without --{{flag}}=false, so the default ({{default}}) serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand.",
    fix: "Set --profiling=false.",
  },
});

type MessageIds = "present" | "absent" | "spaceForm" | "fix" | "configOn" | "configAbsent";

const rule: K8sRuleDefinition<MessageIds, []> = {
  ...base,
  meta: {
    ...base.meta,
    messages: {
      ...base.meta.messages,
      configOn: "KubeSchedulerConfiguration enableProfiling: {{value}} serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand.",
      configAbsent:
        "KubeSchedulerConfiguration has no enableProfiling, so the default (true) serves /debug/pprof: CPU and heap profiles reveal internals and cost CPU on demand. Set enableProfiling: false.",
    },
  },
  create(context) {
    const visitor = base.create(context as unknown as K8sRuleContext<"present" | "absent" | "spaceForm" | "fix", []>);
    const sourceCode = context.sourceCode;
    return {
      ...visitor,
      Resource(r) {
        visitor.Resource?.(r);
        if (r.kind !== "KubeSchedulerConfiguration" || apiGroup(r.apiVersion) !== "kubescheduler.config.k8s.io") return;
        const pair = getPair(r.node, "enableProfiling");
        if (!pair) {
          const edits = insertPair(sourceCode, r.node, "enableProfiling", "false");
          context.report({ node: getPair(r.node, "kind") ?? r.node, messageId: "configAbsent", ...(edits ? { fix: () => edits } : {}) });
          return;
        }
        const s = asScalar(pair.value);
        const on = s ? (s.value === true ? true : typeof s.value === "string" ? parseGoBool(s.value) : null) : null;
        if (on !== true || !s) return;
        const edits = replaceNode(sourceCode, s, "false");
        context.report({ node: pair, messageId: "configOn", data: { value: sourceCode.text.slice(s.range[0], s.range[1]) }, ...(edits ? { fix: () => edits } : {}) });
      },
    };
  },
};

export default rule;
