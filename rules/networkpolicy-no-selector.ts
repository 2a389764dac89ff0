/**
 * @fileoverview networkpolicy-no-selector: a NetworkPolicy that applies to every pod of its
 * namespace (`spec.podSelector: {}`) while allowing traffic through ingress or egress rules. Empty
 * pod selectors belong in deny-all policies; allow rules scoped to all pods open more than intended.
 */
import { asMap, get, getMap, getPair, getSeq, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { enforcedDirections, isEmptySelector, isNetworkPolicy } from "./shared/_namespaces.js";

export default createRule({
  name: "networkpolicy-no-selector",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report NetworkPolicies with allow rules that select every pod of the namespace",
      severity: "low",
      presets: ["all"],
      equivalents: { trivy: ["KSV-0038"] },
    },
    messages: {
      allPods: "NetworkPolicy '{{name}}' selects every pod in its namespace (empty podSelector) and allows {{what}} traffic: scope it to the pods that need it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isNetworkPolicy(resource.kind, resource.apiVersion)) return;
        const spec = getMap(resource.node, "spec");
        if (!spec) return;
        const selPair = getPair(spec, "podSelector");
        const sel = asMap(get(spec, "podSelector"));
        if (selPair && !sel) return;
        if (sel && !isEmptySelector(sel)) return;
        const dirs = enforcedDirections(spec);
        const what = [
          ...(dirs.has("Ingress") && seqItems(getSeq(spec, "ingress")).length ? ["ingress"] : []),
          ...(dirs.has("Egress") && seqItems(getSeq(spec, "egress")).length ? ["egress"] : []),
        ];
        if (!what.length) return;
        context.report({ node: selPair ?? getPair(resource.node, "spec")!, messageId: "allPods", data: { name: resource.name ?? "(unnamed)", what: what.join(" and ") } });
      },
    };
  },
});
