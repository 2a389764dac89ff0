/**
 * @fileoverview pdb-blocks-eviction: a PodDisruptionBudget that never allows a voluntary
 * disruption — `maxUnavailable: 0` / `"0%"` or `minAvailable: "100%"`. Node drains (upgrades,
 * autoscaler scale-down) hang on such pods until someone deletes the PDB. The comparison with the
 * matched workload's replicas (kube-linter pdb-min-available) needs the run-wide index and is not
 * part of this single-document rule.
 */
import { asFix } from "../src/fix/index.js";
import { canEdit } from "../src/fix/index.js";
import { getMap } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { intOrPercent, isPdb, scalarField } from "./shared/_availability.js";

export default createRule({
  name: "pdb-blocks-eviction",
  meta: {
    type: "problem",
    docs: {
      description: "Report PodDisruptionBudgets that allow no voluntary disruption",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["pdb-max-unavailable", "pdb-min-available"], polaris: ["pdbDisruptionsIsZero"] },
    },
    messages: {
      blocks: "PodDisruptionBudget '{{name}}' sets {{field}}: {{value}}, so no pod may ever be evicted: node drains and upgrades hang until the budget is deleted.",
      allowOne: "Replace it with maxUnavailable: 1.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isPdb(resource)) return;
        const spec = getMap(resource.node, "spec");
        for (const field of ["maxUnavailable", "minAvailable"] as const) {
          const f = scalarField(spec, field);
          const v = intOrPercent(f?.node ?? null);
          if (!f || !v) continue;
          const blocks = field === "maxUnavailable" ? v.value === 0 : v.kind === "percent" && v.value >= 100;
          if (!blocks) continue;
          const pair = f.pair;
          const fix = canEdit(context.sourceCode, pair.range[0], pair.range[1]) && spec?.pairs.includes(pair) && !spec.flow
            ? asFix([{ range: [pair.range[0], pair.range[1]], text: "maxUnavailable: 1" }])
            : null;
          context.report({
            node: f.node ?? pair,
            messageId: "blocks",
            data: { name: resource.name ?? "(unnamed)", field, value: typeof f.node?.value === "string" ? `"${f.node.value}"` : String(f.node?.value) },
            suggest: fix ? [{ messageId: "allowOne", fix }] : null,
          });
        }
      },
    };
  },
});
