/**
 * @fileoverview hpa-duplicate-target: two HorizontalPodAutoscalers that scale the same workload.
 * The HPA controller refuses to act on a target claimed by several HPAs (AmbiguousSelector), or
 * the two fight over the replica count (Kyverno other/prevent-duplicate-hpa).
 *
 * Reported on every later HPA's `scaleTargetRef`, naming the first. Cross-document: kubeguard's
 * CLI and language server look at every file of the run; inside a user's own ESLint, at the
 * documents of one file.
 */
import { crossRule, keyOf, type Obj } from "../src/crossdoc/index.js";
import { hpas, hpaTarget, nameOf, nameTemplated, type HpaTarget } from "./shared/_crossdoc-identity.js";

export default crossRule({
  name: "hpa-duplicate-target",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two HorizontalPodAutoscalers scaling the same workload",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      duplicate:
        "HorizontalPodAutoscaler '{{name}}' scales {{kind}} '{{target}}', which HorizontalPodAutoscaler '{{first}}' ({{where}}) already scales: the controller refuses ambiguous targets (or the two fight over the replica count). Keep one.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const first = new Map<string, HpaTarget>();
    for (const h of hpas(index)) {
      const t = hpaTarget(index, h);
      if (!t.kind || nameTemplated(t.name) || nameTemplated(t.kind)) continue;
      // The same HPA declared twice is a duplicate-object finding, not two HPAs.
      const key = `${h.ns ?? ""}\u0000${t.kind}\u0000${t.name!}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, t);
        continue;
      }
      const e: Obj = earlier.hpa;
      if (e.name === h.name) continue;
      report({
        obj: h,
        node: keyOf(t.node),
        messageId: "duplicate",
        data: { name: nameOf(h), kind: t.kind, target: t.name!, first: nameOf(e), where: where(e, keyOf(earlier.node)) },
        related: [{ obj: e, node: keyOf(earlier.node), message: `HorizontalPodAutoscaler '${nameOf(e)}' scales the same ${t.kind}` }],
      });
    }
  },
});
