/**
 * @fileoverview resourcequota-incomplete: a ResourceQuota whose `spec.hard` does not bound
 * requests.cpu, requests.memory, limits.cpu and limits.memory (`cpu`/`memory` are the API's
 * synonyms of the requests.* names). Quotas scoped to BestEffort pods cannot hold compute
 * resources (the API rejects them) and are not checked.
 */
import { createRule } from "../src/rule.js";
import { apiGroup } from "../src/language/k8s.js";
import { getMap, getPair, getSeq, scalarString, seqItems, staticValue } from "../src/language/query.js";

const REQUIRED: [string, string[]][] = [
  ["requests.cpu", ["requests.cpu", "cpu"]],
  ["requests.memory", ["requests.memory", "memory"]],
  ["limits.cpu", ["limits.cpu"]],
  ["limits.memory", ["limits.memory"]],
];

export default createRule({
  name: "resourcequota-incomplete",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require ResourceQuotas to bound CPU and memory requests and limits",
      severity: "low",
      presets: ["all"],
      equivalents: { trivy: ["KSV-0040"] },
    },
    messages: {
      incomplete: "ResourceQuota '{{name}}' does not bound {{missing}} in spec.hard: the namespace can consume that resource without limit.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "ResourceQuota" || apiGroup(resource.apiVersion) !== "") return;
        const spec = getMap(resource.node, "spec");
        const scopes = seqItems(getSeq(spec, "scopes")).map((s) => scalarString(s));
        const selectorScopes = JSON.stringify(staticValue(getPair(spec, "scopeSelector")?.value ?? null));
        if (scopes.includes("BestEffort") || selectorScopes.includes('"BestEffort"')) return;
        const hard = getMap(spec, "hard");
        const missing = REQUIRED.filter(([, names]) => !names.some((n) => getPair(hard, n))).map(([n]) => n);
        if (!missing.length) return;
        const anchor = getPair(spec, "hard") ?? getPair(resource.node, "spec") ?? getPair(resource.node, "kind");
        context.report({ node: anchor?.key ?? resource.node, messageId: "incomplete", data: { name: resource.name ?? "(unnamed)", missing: missing.join(", ") } });
      },
    };
  },
});
