/**
 * @fileoverview pdb-min-available-gt-hpa-min: a PodDisruptionBudget whose `minAvailable` is greater
 * than the `minReplicas` of the HorizontalPodAutoscaler scaling the workload it selects. When the
 * HPA scales down to its minimum, the budget can never be met: no pod of the workload may be
 * evicted and node drains hang (Polaris pdbMinAvailableGreaterThanHPAMinReplicas).
 *
 * Three objects: the HPA names the workload (scaleTargetRef), the PDB selects its pod template.
 * A percentage is scaled on minReplicas (rounded up), as Polaris does. Reported on the PDB's
 * `minAvailable`, naming the HPA and the workload. Cross-document: kubeguard's CLI and language
 * server look at every file of the run; inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule, keyOf } from "../src/crossdoc/index.js";
import { hpaMinReplicas, hpas, hpaTarget, intOrPercent, nameOf, pdbCoverage } from "./shared/_crossdoc-identity.js";

export default crossRule({
  name: "pdb-min-available-gt-hpa-min",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow PodDisruptionBudgets whose minAvailable exceeds the HorizontalPodAutoscaler's minReplicas",
      severity: "low",
      presets: ["recommended"],
      equivalents: { polaris: ["pdbMinAvailableGreaterThanHPAMinReplicas"] },
    },
    messages: {
      greater:
        "PodDisruptionBudget '{{name}}' requires {{minAvailable}} available pods of {{kind}} '{{workload}}' ({{workloadWhere}}), but HorizontalPodAutoscaler '{{hpa}}' ({{hpaWhere}}) may scale it down to {{min}}: at that size no pod can ever be evicted and node drains hang. Lower `minAvailable` (or use `maxUnavailable: 1`), or raise `minReplicas`.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const all = hpas(index);
    if (!all.length) return;
    const { byObject } = pdbCoverage(index);
    const seen = new Set<string>();
    for (const h of all) {
      const t = hpaTarget(index, h);
      if (!t.target) continue;
      const min = hpaMinReplicas(h);
      if (min === null) continue;
      for (const s of byObject.get(t.target) ?? []) {
        const node = at(s.pdb.snap, "spec", "minAvailable");
        const value = intOrPercent(node);
        if (!value) continue;
        const required = value.kind === "int" ? value.value : Math.ceil((value.value * min) / 100);
        if (required <= min) continue;
        const key = `${s.pdb.file}\u0000${s.pdb.fact.id}\u0000${h.file}\u0000${h.fact.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const hpaNode = at(h.snap, "spec", "minReplicas") ? keyOf(at(h.snap, "spec", "minReplicas")) : null;
        report({
          obj: s.pdb,
          node: keyOf(node),
          messageId: "greater",
          data: {
            name: nameOf(s.pdb),
            minAvailable: value.kind === "int" ? String(value.value) : `${value.value}% (= ${required})`,
            kind: t.target.kind,
            workload: nameOf(t.target),
            workloadWhere: where(t.target),
            hpa: nameOf(h),
            hpaWhere: where(h, hpaNode),
            min: hpaNode ? `minReplicas ${min}` : "1 replica (minReplicas unset)",
          },
          related: [
            { obj: h, node: hpaNode, message: `HorizontalPodAutoscaler '${nameOf(h)}' has minReplicas ${min}` },
            { obj: t.target, message: `${t.target.kind} '${nameOf(t.target)}' is scaled by the HPA and selected by the PDB` },
          ],
        });
      }
    }
  },
});
