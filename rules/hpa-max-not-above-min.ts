/**
 * @fileoverview hpa-max-not-above-min: a HorizontalPodAutoscaler whose `maxReplicas` is not above
 * `minReplicas` (default 1) cannot scale: it is a fixed replica count in disguise (and the API
 * rejects maxReplicas below minReplicas).
 */
import { getMap } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isHpa, scalarField } from "./shared/_availability.js";

export default createRule({
  name: "hpa-max-not-above-min",
  meta: {
    type: "problem",
    docs: {
      description: "Require HorizontalPodAutoscaler maxReplicas to be above minReplicas",
      severity: "low",
      presets: ["recommended"],
      equivalents: { polaris: ["hpaMaxAvailability"] },
    },
    messages: {
      equal: "HorizontalPodAutoscaler '{{name}}' has maxReplicas: {{max}} and minReplicas {{min}}: it can never scale. Raise maxReplicas or drop the autoscaler.",
      below: "HorizontalPodAutoscaler '{{name}}' has maxReplicas: {{max}} below minReplicas {{min}}: the API server rejects it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isHpa(resource)) return;
        const spec = getMap(resource.node, "spec");
        const max = scalarField(spec, "maxReplicas");
        const minF = scalarField(spec, "minReplicas");
        if (!max?.node || typeof max.node.value !== "number") return;
        let min = 1;
        if (minF) {
          if (typeof minF.node?.value !== "number") return;
          min = minF.node.value;
        }
        if (max.node.value > min) return;
        const data = { name: resource.name ?? "(unnamed)", max: max.node.value, min: minF ? min : "1 (default)" };
        context.report({ node: max.node, messageId: max.node.value === min ? "equal" : "below", data });
      },
    };
  },
});
