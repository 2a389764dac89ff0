/**
 * @fileoverview pdb-missing: a Deployment or StatefulSet that runs more than one replica (`spec.replicas`
 * ≥ 2, or scaled by an HPA of the run) and that no PodDisruptionBudget of the run selects. A node
 * drain or cluster upgrade may then evict every replica at once (Polaris missingPodDisruptionBudget,
 * kube-score deployment-has-poddisruptionbudget / statefulset-has-poddisruptionbudget).
 *
 * Reported on the workload (`spec.replicas`). A PDB applied from elsewhere is possible: the rule
 * says the set has none, it cannot know the cluster. Cross-document: kubeguard's CLI and language
 * server look at every file of the run; inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule, keyOf, type Obj } from "../src/crossdoc/index.js";
import { apiGroup } from "../src/language/k8s.js";
import { hpas, hpaTarget, nameOf, pdbCoverage, replicasOf } from "./shared/_crossdoc-identity.js";

const KINDS = new Set(["Deployment", "StatefulSet"]);

export default crossRule({
  name: "pdb-missing",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a PodDisruptionBudget for Deployments and StatefulSets with several replicas",
      severity: "low",
      presets: ["recommended"],
      equivalents: { polaris: ["missingPodDisruptionBudget"], "kube-score": ["deployment-has-poddisruptionbudget", "statefulset-has-poddisruptionbudget"] },
    },
    messages: {
      missing:
        "{{kind}} '{{name}}' runs {{replicas}} but no PodDisruptionBudget of the linted set selects its pods ({{pdbs}} in namespace '{{namespace}}'): a node drain may evict every replica at once. Add a PodDisruptionBudget with `maxUnavailable: 1` selecting its pod labels.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const { selections, byObject } = pdbCoverage(index);
    const pdbsInNs = new Map<string, number>();
    for (const s of selections) pdbsInNs.set(s.pdb.ns ?? "", (pdbsInNs.get(s.pdb.ns ?? "") ?? 0) + 1);
    // A templated selector might select anything: its namespace is not judged.
    const unknownNs = new Set(selections.filter((s) => s.templated).map((s) => s.pdb.ns ?? ""));
    const scaledBy = new Map<Obj, Obj>();
    for (const h of hpas(index)) {
      const t = hpaTarget(index, h);
      const max = at(h.snap, "spec", "maxReplicas")?.v;
      if (t.target && !scaledBy.has(t.target) && !(typeof max === "number" && max < 2)) scaledBy.set(t.target, h);
    }
    for (const obj of index.ofKind("Deployment").concat(index.ofKind("StatefulSet"))) {
      if (!KINDS.has(obj.kind) || !["apps", "extensions"].includes(apiGroup(obj.fact.apiVersion))) continue;
      if (byObject.has(obj) || unknownNs.has(obj.ns ?? "")) continue;
      const replicas = replicasOf(obj);
      const hpa = scaledBy.get(obj);
      if (!hpa && (replicas === null || replicas < 2)) continue;
      const replicasNode = at(obj.snap, "spec", "replicas");
      report({
        obj,
        node: replicasNode ? keyOf(replicasNode) : null,
        messageId: "missing",
        data: {
          kind: obj.kind,
          name: nameOf(obj),
          replicas: hpa ? `up to ${String(at(hpa.snap, "spec", "maxReplicas")?.v ?? "several")} replicas (HorizontalPodAutoscaler '${nameOf(hpa)}' at ${where(hpa)})` : `${replicas} replicas`,
          pdbs: pdbsInNs.get(obj.ns ?? "") ?? 0,
          namespace: obj.ns ?? "",
        },
        ...(hpa ? { related: [{ obj: hpa, message: `HorizontalPodAutoscaler '${nameOf(hpa)}' scales it` }] } : {}),
      });
    }
  },
});
