/**
 * @fileoverview projected-token-long-expiration: a projected service account token that is valid
 * for more than a day stays usable long after it leaks.
 */
import { createRule } from "../src/rule.js";
import { asMap, getMap, getPair, getSeq, scalarNumber, scalarString, seqItems } from "../src/language/query.js";

export default createRule({
  name: "projected-token-long-expiration",
  meta: {
    type: "problem",
    docs: {
      description: "Limit the lifetime of projected service account tokens",
      severity: "low",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      long: "Projected serviceAccountToken in volume '{{volume}}' requests expirationSeconds {{seconds}} (more than {{max}}): a leaked token stays valid that long.",
    },
    schema: [
      {
        type: "object",
        properties: { maxExpirationSeconds: { type: "integer", minimum: 600, description: "Largest accepted expirationSeconds (the API minimum is 600)." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ maxExpirationSeconds: 86400 }] as [{ maxExpirationSeconds?: number }],
  create(context, [options]) {
    const max = options.maxExpirationSeconds ?? 86400;
    return {
      PodSpec(podSpec) {
        for (const item of seqItems(getSeq(podSpec.node, "volumes"))) {
          const vol = asMap(item);
          for (const src of seqItems(getSeq(getMap(vol, "projected"), "sources"))) {
            const pair = getPair(getMap(asMap(src), "serviceAccountToken"), "expirationSeconds");
            const seconds = scalarNumber(pair?.value);
            if (!pair || seconds === null || seconds <= max) continue;
            context.report({ node: pair, messageId: "long", data: { volume: scalarString(getPair(vol, "name")?.value) ?? "?", seconds, max } });
          }
        }
      },
    };
  },
});
