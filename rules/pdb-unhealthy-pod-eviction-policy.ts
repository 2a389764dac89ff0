/**
 * @fileoverview pdb-unhealthy-pod-eviction-policy: a policy/v1 PodDisruptionBudget without
 * `spec.unhealthyPodEvictionPolicy`. The default (IfHealthyBudget) refuses to evict a running but
 * not-ready pod while the budget is exhausted, so one crash-looping pod can block every node drain.
 * `AlwaysAllow` lets such pods be evicted. The field is beta (on by default) since 1.27 and GA in
 * 1.31; below 1.27 (settings.kubernetesVersion) the rule is silent.
 */
import { asFix, insertPair } from "../src/fix/index.js";
import { targetVersionOf, versionAtLeast } from "../src/k8s-version.js";
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isPdb } from "./shared/_availability.js";

export default createRule({
  name: "pdb-unhealthy-pod-eviction-policy",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require PodDisruptionBudgets to set unhealthyPodEvictionPolicy",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["pdb-unhealthy-pod-eviction-policy"] },
    },
    messages: {
      missing:
        "PodDisruptionBudget '{{name}}' does not set unhealthyPodEvictionPolicy: by default a running but not-ready pod cannot be evicted while the budget is exhausted, which blocks node drains. Set AlwaysAllow.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const version = targetVersionOf(context.settings);
    return {
      Resource(resource) {
        if (!isPdb(resource) || resource.apiVersion !== "policy/v1" || !versionAtLeast(version, 1, 27)) return;
        const specPair = getPair(resource.node, "spec");
        const spec = getMap(resource.node, "spec");
        if (!specPair || !spec || getPair(spec, "unhealthyPodEvictionPolicy")) return;
        context.report({
          node: specPair.key ?? specPair,
          messageId: "missing",
          data: { name: resource.name ?? "(unnamed)" },
          fix: asFix(spec.pairs.length ? insertPair(context.sourceCode, spec, "unhealthyPodEvictionPolicy", "AlwaysAllow") : null),
        });
      },
    };
  },
});
