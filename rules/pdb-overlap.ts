/**
 * @fileoverview pdb-overlap: a pod template selected by more than one PodDisruptionBudget. The
 * eviction API refuses to evict a pod covered by several PDBs ("This pod has more than one
 * PodDisruptionBudget, which the eviction subresource does not support"), so node drains and
 * cluster upgrades hang on it (Popeye POP-209, live cluster only).
 *
 * Reported on the second (and every further) PDB, naming the first PDB and the workload.
 * Cross-document: kubeguard's CLI and language server look at every file of the run; inside a
 * user's own ESLint, at the documents of one file.
 */
import { crossRule, keyOf, type Obj } from "../src/crossdoc/index.js";
import { nameOf, pdbCoverage } from "./shared/_crossdoc-identity.js";

export default crossRule({
  name: "pdb-overlap",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow pods selected by more than one PodDisruptionBudget",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      overlap:
        "PodDisruptionBudget '{{name}}' selects the pods of {{kind}} '{{workload}}' ({{workloadWhere}}), which PodDisruptionBudget '{{first}}' ({{firstWhere}}) already selects: the eviction API refuses pods with more than one PDB, so drains and upgrades hang. Narrow one selector or merge the budgets.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const { byObject } = pdbCoverage(index);
    const seen = new Set<string>();
    for (const [obj, sels] of byObject) {
      if (sels.length < 2) continue;
      const first = sels[0]!;
      for (const s of sels.slice(1)) {
        // One finding per pair of PDBs, on the later one.
        const key = `${first.pdb.file}\u0000${first.pdb.fact.id}\u0000${s.pdb.file}\u0000${s.pdb.fact.id}`;
        // The same PDB declared in several files (alternative bundles) is duplicate-object's finding.
        if (seen.has(key) || s.pdb === first.pdb || (s.pdb.name === first.pdb.name && s.pdb.ns === first.pdb.ns)) continue;
        seen.add(key);
        const w: Obj = obj;
        report({
          obj: s.pdb,
          node: keyOf(s.node),
          messageId: "overlap",
          data: { name: nameOf(s.pdb), kind: w.kind, workload: nameOf(w), workloadWhere: where(w), first: nameOf(first.pdb), firstWhere: where(first.pdb, keyOf(first.node)) },
          related: [
            { obj: first.pdb, node: keyOf(first.node), message: `PodDisruptionBudget '${nameOf(first.pdb)}' selects the same pods` },
            { obj: w, message: `${w.kind} '${nameOf(w)}' is selected by both` },
          ],
        });
      }
    }
  },
});
