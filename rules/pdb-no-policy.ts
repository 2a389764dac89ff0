/**
 * @fileoverview pdb-no-policy: a PodDisruptionBudget that sets neither `minAvailable` nor
 * `maxUnavailable` states no budget, so it does not protect the pods it selects the way its
 * author intended.
 */
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isPdb } from "./shared/_availability.js";

export default createRule({
  name: "pdb-no-policy",
  meta: {
    type: "problem",
    docs: {
      description: "Require PodDisruptionBudgets to set minAvailable or maxUnavailable",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-score": ["poddisruptionbudget-has-policy"] },
    },
    messages: {
      none: "PodDisruptionBudget '{{name}}' sets neither minAvailable nor maxUnavailable: it states no disruption budget. Set one of them.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isPdb(resource)) return;
        const spec = getMap(resource.node, "spec");
        if (getPair(spec, "minAvailable") || getPair(spec, "maxUnavailable")) return;
        const anchor = getPair(resource.node, "spec") ?? getPair(resource.node, "kind");
        context.report({ node: anchor?.key ?? resource.node, messageId: "none", data: { name: resource.name ?? "(unnamed)" } });
      },
    };
  },
});
