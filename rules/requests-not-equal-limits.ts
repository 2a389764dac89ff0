/**
 * @fileoverview requests-not-equal-limits (opt-in): requests lower than limits overcommit the node;
 * equal requests and limits (Guaranteed QoS) make resource use predictable.
 */
import { createRule } from "../src/rule.js";
import { getMap, getPair, scalarString } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";
import { hasResources, parseQuantity, sameQuantity } from "./shared/_part-c-resources.js";

const RESOURCES = ["cpu", "memory", "ephemeral-storage"] as const;

export default createRule({
  name: "requests-not-equal-limits",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require resource requests equal to limits (Guaranteed QoS)",
      severity: "info",
      presets: ["all"],
      equivalents: {
        "kube-score": [
          "container-resource-requests-equal-limits",
          "container-cpu-requests-equal-limits",
          "container-memory-requests-equal-limits",
          "container-ephemeral-storage-request-equals-limit",
        ],
      },
    },
    messages: {
      differ: "{{container}}: requests.{{resource}} ({{request}}) differs from limits.{{resource}} ({{limit}}): the node is overcommitted for this resource.",
      noLimit: "{{container}}: requests.{{resource}} is set but limits.{{resource}} is not: usage above the request is unbounded.",
    },
    schema: [
      {
        type: "object",
        properties: { resources: { type: "array", items: { enum: [...RESOURCES] }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ resources: [...RESOURCES] }] as [{ resources?: (typeof RESOURCES)[number][] }],
  create(context, [options]) {
    const checked = options.resources ?? [...RESOURCES];
    return {
      Container(c) {
        if (!hasResources(c)) return;
        const res = getMap(c.node, "resources");
        const requests = getMap(res, "requests");
        const limits = getMap(res, "limits");
        for (const r of checked) {
          const rp = getPair(requests, r);
          const lp = getPair(limits, r);
          // No request: Kubernetes defaults the request to the limit (equal). Neither: other rules.
          if (!rp) continue;
          const rq = parseQuantity(rp.value);
          if (rq === null) continue;
          const data = { container: containerLabel(c), resource: r };
          if (!lp) {
            context.report({ node: rp, messageId: "noLimit", data });
            continue;
          }
          const lq = parseQuantity(lp.value);
          if (lq === null || sameQuantity(rq, lq)) continue;
          context.report({ node: rp, messageId: "differ", data: { ...data, request: scalarString(rp.value) ?? String(rq), limit: scalarString(lp.value) ?? String(lq) } });
        }
      },
    };
  },
});
