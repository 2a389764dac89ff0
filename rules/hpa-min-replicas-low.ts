/**
 * @fileoverview hpa-min-replicas-low: a HorizontalPodAutoscaler whose `minReplicas` (default 1) is
 * below the option `minReplicas` (default 2): at low load it scales the workload to a single pod,
 * which a node drain or crash takes down. `minReplicas: 0` (scale to zero, HPAScaleToZero) is a
 * deliberate choice and not reported.
 */
import { asFix, insertPair, replaceNode } from "../src/fix/index.js";
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isHpa, scalarField } from "./shared/_availability.js";

export default createRule<"low" | "unset" | "raise", [{ minReplicas?: number }]>({
  name: "hpa-min-replicas-low",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require HorizontalPodAutoscalers to keep at least two replicas",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["hpa-minimum-three-replicas"], polaris: ["hpaMinAvailability"], "kube-score": ["horizontalpodautoscaler-replicas"] },
    },
    messages: {
      low: "HorizontalPodAutoscaler '{{name}}' has minReplicas: {{value}} (below {{min}}): at low load a single pod serves everything, and a drain or crash takes it down.",
      unset: "HorizontalPodAutoscaler '{{name}}' does not set minReplicas (default 1, below {{min}}): at low load a single pod serves everything.",
      raise: "Set minReplicas: {{min}}.",
    },
    hasSuggestions: true,
    schema: [{ type: "object", properties: { minReplicas: { type: "integer", minimum: 1 } }, additionalProperties: false }],
  },
  defaultOptions: [{ minReplicas: 2 }],
  create(context, [options]) {
    const min = options.minReplicas ?? 2;
    return {
      Resource(resource) {
        if (!isHpa(resource)) return;
        const spec = getMap(resource.node, "spec");
        const specPair = getPair(resource.node, "spec");
        if (!spec || !specPair) return;
        const f = scalarField(spec, "minReplicas");
        const name = resource.name ?? "(unnamed)";
        if (f) {
          const v = f.node?.value;
          if (typeof v !== "number" || v === 0 || v >= min || !f.node) return;
          const fix = asFix(replaceNode(context.sourceCode, f.node, String(min)));
          context.report({ node: f.node, messageId: "low", data: { name, value: v, min }, suggest: fix ? [{ messageId: "raise", data: { min }, fix }] : null });
          return;
        }
        if (min <= 1) return;
        const fix = asFix(spec.pairs.length ? insertPair(context.sourceCode, spec, "minReplicas", String(min)) : null);
        context.report({ node: specPair.key ?? specPair, messageId: "unset", data: { name, min }, suggest: fix ? [{ messageId: "raise", data: { min }, fix }] : null });
      },
    };
  },
});
