/**
 * @fileoverview audit-invalid: audit Policy content the API server's validation rejects (so
 * kube-apiserver does not start): a missing or unknown level, non-resource URLs that do not start
 * with `/` or have `*` before the end, a rule mixing resources and non-resource URLs,
 * `resourceNames` without `resources`, and unknown stages.
 */
import type { MapNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asMap, asScalar, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { AUDIT_LEVELS, AUDIT_STAGES, isAnalyzablePolicy } from "./shared/_audit.js";

export default createRule({
  name: "audit-invalid",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow audit Policy rules that kube-apiserver's validation rejects",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      noLevel: "Audit rule {{rule}} has no level: kube-apiserver rejects the policy (level is required: None, Metadata, Request or RequestResponse).",
      badLevel: "Unknown audit level '{{level}}': kube-apiserver rejects the policy (use None, Metadata, Request or RequestResponse).",
      urlSlash: "Non-resource URL '{{url}}' must begin with '/': kube-apiserver rejects the policy.",
      urlStar: "Non-resource URL '{{url}}': a '*' wildcard must be the final character: kube-apiserver rejects the policy.",
      mixed: "Audit rule {{rule}} has both nonResourceURLs and resources/namespaces: rules cannot apply to both regular resources and non-resource URLs, so kube-apiserver rejects the policy.",
      namesWithoutResources: "resourceNames without resources: using resourceNames requires at least one resource, so kube-apiserver rejects the policy.",
      badStage: "Unknown audit stage '{{stage}}': kube-apiserver rejects the policy (stages are RequestReceived, ResponseStarted, ResponseComplete, Panic).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const stages = (map: MapNode | null): void => {
      for (const item of seqItems(getSeq(map, "omitStages"))) {
        const s = asScalar(item);
        const v = scalarString(s);
        if (s && v !== null && !(AUDIT_STAGES as readonly string[]).includes(v)) context.report({ node: s, messageId: "badStage", data: { stage: v } });
      }
    };
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        stages(resource.node);
        seqItems(getSeq(resource.node, "rules")).forEach((r, i) => {
          const rule = asMap(r);
          if (!rule) return;
          const levelPair = getPair(rule, "level");
          const level = scalarString(levelPair?.value ?? null);
          if (level === null) context.report({ node: levelPair ?? rule, messageId: "noLevel", data: { rule: i + 1 } });
          else if (!(AUDIT_LEVELS as readonly string[]).includes(level)) context.report({ node: levelPair!.value!, messageId: "badLevel", data: { level } });
          const urlsPair = getPair(rule, "nonResourceURLs");
          const urls = seqItems(getSeq(rule, "nonResourceURLs"));
          for (const u of urls) {
            const s = asScalar(u);
            const url = scalarString(s);
            if (!s || url === null || url === "*") continue;
            if (!url.startsWith("/")) context.report({ node: s, messageId: "urlSlash", data: { url } });
            else if (url.slice(0, -1).includes("*")) context.report({ node: s, messageId: "urlStar", data: { url } });
          }
          if (urls.length && urlsPair?.key && (seqItems(getSeq(rule, "resources")).length || seqItems(getSeq(rule, "namespaces")).length)) {
            context.report({ node: urlsPair.key, messageId: "mixed", data: { rule: i + 1 } });
          }
          for (const g of seqItems(getSeq(rule, "resources"))) {
            const gm = asMap(g);
            const names = getPair(gm, "resourceNames");
            if (gm && names?.key && seqItems(getSeq(gm, "resourceNames")).length && !seqItems(getSeq(gm, "resources")).length) {
              context.report({ node: names.key, messageId: "namesWithoutResources" });
            }
          }
          stages(rule);
        });
      },
    };
  },
});
