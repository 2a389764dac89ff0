/**
 * @fileoverview hpa-dangling: a HorizontalPodAutoscaler whose `scaleTargetRef` (kind and name)
 * names no object of its namespace in the run. It scales nothing — a typo or a renamed workload
 * (kube-linter dangling-horizontalpodautoscaler, kube-score horizontalpodautoscaler-has-target,
 * Kubescape C-0300).
 *
 * Only namespaces for which the run holds pod templates are judged (otherwise the target lives
 * elsewhere); templated names are skipped. Reported at `scaleTargetRef`. Cross-document:
 * kubeguard's CLI and language server look at every file of the run; inside a user's own ESLint,
 * at the documents of one file.
 */
import { at, crossRule, keyOf } from "../src/crossdoc/index.js";
import { hpas, hpaTarget, nameOf, nameTemplated, podNamespaces } from "./shared/_crossdoc-identity.js";

export default crossRule({
  name: "hpa-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow HorizontalPodAutoscalers whose scale target is not in the linted set",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-horizontalpodautoscaler"], kubescape: ["C-0300"], "kube-score": ["horizontalpodautoscaler-has-target"] },
    },
    messages: {
      dangling:
        "HorizontalPodAutoscaler '{{name}}' scales {{kind}} '{{target}}', which is not among the objects of namespace '{{namespace}}' in the linted set{{others}}: it scales nothing.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    const all = hpas(index);
    if (!all.length) return;
    const withPods = podNamespaces(index);
    for (const h of all) {
      if (!withPods.has(h.ns ?? "")) continue;
      const t = hpaTarget(index, h);
      if (t.target || !t.kind || nameTemplated(t.name) || nameTemplated(t.kind)) continue;
      const sameKind = index.ofKind(t.kind, h.ns).map((o) => nameOf(o));
      report({
        obj: h,
        node: keyOf(t.node) ?? at(h.snap, "spec"),
        messageId: "dangling",
        data: {
          name: nameOf(h),
          kind: t.kind,
          target: t.name!,
          namespace: h.ns ?? "",
          others: sameKind.length ? ` (${t.kind}s there: ${sameKind.slice(0, 5).join(", ")}${sameKind.length > 5 ? ", …" : ""})` : "",
        },
      });
    }
  },
});
