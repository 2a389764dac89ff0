/**
 * @fileoverview probes-identical: a readiness probe identical to the liveness probe restarts the
 * container exactly when it should only have been taken out of load balancing.
 */
import { createRule } from "../src/rule.js";
import { getPair, staticValue } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

/** Deterministic JSON with sorted keys, for structural equality of static values. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

export default createRule({
  name: "probes-identical",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a readiness probe identical to the liveness probe",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-score": ["pod-probes-identical"] },
    },
    messages: {
      identical:
        "{{container}}: readinessProbe is identical to livenessProbe: when the check fails under load the container is restarted instead of only being taken out of the Service (cascading restarts). Use a cheaper liveness check or a higher failureThreshold.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        const live = getPair(c.node, "livenessProbe");
        const ready = getPair(c.node, "readinessProbe");
        if (!live?.value || !ready?.value) return;
        if (canonical(staticValue(live.value)) !== canonical(staticValue(ready.value))) return;
        context.report({ node: ready.key ?? ready, messageId: "identical", data: { container: containerLabel(c) } });
      },
    };
  },
});
