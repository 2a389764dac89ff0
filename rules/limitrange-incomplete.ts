/**
 * @fileoverview limitrange-incomplete: a LimitRange none of whose `spec.limits[]` entries sets all
 * of type, max, min, default and defaultRequest. Without defaults, containers that omit requests and
 * limits run unbounded; without max/min, one container can claim the whole quota.
 */
import { createRule } from "../src/rule.js";
import { apiGroup } from "../src/language/k8s.js";
import { asMap, getMap, getPair, getSeq, seqItems } from "../src/language/query.js";

const FIELDS = ["type", "max", "min", "default", "defaultRequest"];

export default createRule({
  name: "limitrange-incomplete",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a LimitRange entry with type, max, min, default and defaultRequest",
      severity: "low",
      presets: ["all"],
      equivalents: { trivy: ["KSV-0039"] },
    },
    messages: {
      incomplete:
        "LimitRange '{{name}}' has no limits entry that sets all of type, max, min, default and defaultRequest{{missing}}: containers may run without defaults or bounds.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "LimitRange" || apiGroup(resource.apiVersion) !== "") return;
        const spec = getMap(resource.node, "spec");
        const items = seqItems(getSeq(spec, "limits")).map(asMap).filter((m) => m !== null);
        if (items.some((m) => FIELDS.every((f) => getPair(m, f)))) return;
        // Name what the most complete entry lacks.
        let best: string[] = FIELDS;
        for (const m of items) {
          const lacks = FIELDS.filter((f) => !getPair(m, f));
          if (lacks.length < best.length) best = lacks;
        }
        const anchor = getPair(spec, "limits") ?? getPair(resource.node, "spec") ?? getPair(resource.node, "kind");
        context.report({
          node: anchor?.key ?? resource.node,
          messageId: "incomplete",
          data: { name: resource.name ?? "(unnamed)", missing: items.length ? ` (the closest entry lacks ${best.join(", ")})` : " (it has no entries)" },
        });
      },
    };
  },
});
