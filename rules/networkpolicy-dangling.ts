/**
 * @fileoverview networkpolicy-dangling: a NetworkPolicy whose non-empty `spec.podSelector`
 * matches no pod template of its namespace. It isolates nothing — usually a label typo or a
 * renamed workload, and the pods it was written for stay open (kube-linter dangling-networkpolicy,
 * kube-score networkpolicy-targets-pod, Kubescape C-0299).
 *
 * Degrades: a namespace for which the run holds no pod template at all is not checked (the pods
 * live elsewhere). Cross-document: every file of the run in kubeguard's CLI and language server;
 * the documents of the same file inside a user's own ESLint.
 */
import { crossRule, keyOf } from "../src/crossdoc/index.js";
import { FolderGate, PodLabelKeys, PolicyIndex, selectorTemplated, selectorText, selectsAll } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "networkpolicy-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow NetworkPolicies whose podSelector matches no pod template",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-networkpolicy"], kubescape: ["C-0299"], "kube-score": ["networkpolicy-targets-pod"] },
    },
    messages: {
      dangling:
        "NetworkPolicy '{{name}}' selects pods with {{selector}}, but none of the {{pods}} pod templates linted in namespace '{{namespace}}' has these labels: the policy isolates nothing and the pods it was meant for stay open.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    if (!index.podTemplates().length) return;
    const podsNear = new FolderGate(index.podTemplates().map((p) => p.obj));
    const keys = new PodLabelKeys(index);
    const counts = new Map<string, number>();
    for (const p of index.podTemplates()) if (p.obj.ns !== null) counts.set(p.obj.ns, (counts.get(p.obj.ns) ?? 0) + 1);
    for (const policy of new PolicyIndex(index).k8s) {
      const ns = policy.obj.ns!;
      if (selectsAll(policy) || selectorTemplated(policy.selector)) continue;
      if (!podsNear.has(policy.obj, ns) || !keys.covers(ns, policy.selector)) continue;
      if (index.selectPods(ns, policy.selector).length) continue;
      report({
        obj: policy.obj,
        node: keyOf(policy.selectorNode),
        messageId: "dangling",
        data: { name: policy.obj.name ?? "(unnamed)", selector: selectorText(policy.selector), pods: counts.get(ns) ?? 0, namespace: ns },
      });
    }
  },
});
