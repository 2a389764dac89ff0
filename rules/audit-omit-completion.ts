/**
 * @fileoverview audit-omit-completion: `omitStages` with `ResponseComplete` or `Panic` drops the
 * events that carry a request's outcome (status code, latency) or record an apiserver panic.
 * Omitting `RequestReceived` is the usual way to cut volume.
 */
import type { MapNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asMap, asScalar, getSeq, seqItems } from "../src/language/query.js";
import { isAnalyzablePolicy } from "./shared/_audit.js";

export default createRule({
  name: "audit-omit-completion",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow omitting the ResponseComplete or Panic audit stages",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      responseComplete:
        "omitStages drops ResponseComplete{{scope}}: the event with each request's outcome (status code, response) is never written, only that it arrived. Omit RequestReceived instead to reduce volume.",
      panic: "omitStages drops Panic{{scope}}: requests that crash the apiserver handler leave no audit event.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (map: MapNode | null, scope: string): void => {
      for (const item of seqItems(getSeq(map, "omitStages"))) {
        const s = asScalar(item);
        if (s?.value === "ResponseComplete") context.report({ node: s, messageId: "responseComplete", data: { scope } });
        else if (s?.value === "Panic") context.report({ node: s, messageId: "panic", data: { scope } });
      }
    };
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        check(resource.node, " for every request (policy level)");
        seqItems(getSeq(resource.node, "rules")).forEach((r, i) => check(asMap(r), ` for requests matching rule ${i + 1}`));
      },
    };
  },
});
