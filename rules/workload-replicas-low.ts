/**
 * @fileoverview workload-replicas-low: a Deployment that runs fewer than the option `minReplicas`
 * (default 2) pods — `spec.replicas` below it, or unset (default 1). A single pod is down during
 * every rollout problem, node drain or crash. Not reported: `replicas: 0` (deliberately scaled
 * down) and Deployments without `replicas` that an autoscaler in the same file targets
 * (HorizontalPodAutoscaler or KEDA ScaledObject scaleTargetRef).
 */
import { asFix, insertPair, replaceNode } from "../src/fix/index.js";
import { getMap, getPair, getString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isWorkload, scalarField } from "./shared/_availability.js";

export default createRule<"low" | "unset" | "raise", [{ minReplicas?: number }]>({
  name: "workload-replicas-low",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require Deployments to run at least two replicas",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["minimum-three-replicas"], polaris: ["deploymentMissingReplicas"], "kube-score": ["deployment-replicas"] },
    },
    messages: {
      low: "Deployment '{{name}}' runs replicas: {{value}} (below {{min}}): the service is down whenever that pod is rescheduled, drained or crashes.",
      unset: "Deployment '{{name}}' does not set replicas (default 1, below {{min}}) and no autoscaler in this file targets it: the service is down whenever that pod is rescheduled.",
      raise: "Set replicas: {{min}}.",
    },
    hasSuggestions: true,
    schema: [{ type: "object", properties: { minReplicas: { type: "integer", minimum: 1 } }, additionalProperties: false }],
  },
  defaultOptions: [{ minReplicas: 2 }],
  create(context, [options]) {
    const min = options.minReplicas ?? 2;
    const autoscaled = new Set<string>();
    return {
      Program(program) {
        for (const doc of program.body) {
          for (const r of doc.resources) {
            const isScaler = (r.kind === "HorizontalPodAutoscaler" && (r.apiVersion ?? "").startsWith("autoscaling/")) || (r.kind === "ScaledObject" && (r.apiVersion ?? "").startsWith("keda.sh/"));
            if (!isScaler) continue;
            const ref = getMap(getMap(r.node, "spec"), "scaleTargetRef");
            const kind = getString(ref, "kind") ?? (r.kind === "ScaledObject" ? "Deployment" : null);
            const name = getString(ref, "name");
            if (kind === "Deployment" && name) autoscaled.add(`${r.namespace ?? ""}/${name}`);
          }
        }
      },
      Resource(resource) {
        if (!isWorkload(resource, ["Deployment"])) return;
        const spec = getMap(resource.node, "spec");
        const specPair = getPair(resource.node, "spec");
        if (!spec || !specPair) return;
        const name = resource.name ?? "(unnamed)";
        const f = scalarField(spec, "replicas");
        if (f) {
          const v = f.node?.value;
          if (typeof v !== "number" || v === 0 || v >= min || !f.node) return;
          const fix = asFix(replaceNode(context.sourceCode, f.node, String(min)));
          context.report({ node: f.node, messageId: "low", data: { name, value: v, min }, suggest: fix ? [{ messageId: "raise", data: { min }, fix }] : null });
          return;
        }
        if (min <= 1 || autoscaled.has(`${resource.namespace ?? ""}/${name}`)) return;
        const fix = asFix(spec.pairs.length ? insertPair(context.sourceCode, spec, "replicas", String(min)) : null);
        context.report({ node: specPair.key ?? specPair, messageId: "unset", data: { name, min }, suggest: fix ? [{ messageId: "raise", data: { min }, fix }] : null });
      },
    };
  },
});
