/**
 * @fileoverview istio-authorizationpolicy-allow-all: an Istio AuthorizationPolicy with action ALLOW
 * (the default) containing an empty rule (`rules: [{}]`, no from/to/when): it matches every
 * request, so the workloads it selects accept anything, and any deny-by-default policy for them is
 * void.
 */
import { asMap, getMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isIstio, ISTIO_SECURITY } from "./shared/_mesh.js";

export default createRule({
  name: "istio-authorizationpolicy-allow-all",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Istio AuthorizationPolicies that allow every request",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      allowAll: "AuthorizationPolicy '{{name}}' has an ALLOW rule without from, to or when: it matches every request to {{scope}}, from any source.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIstio(resource, ISTIO_SECURITY, "AuthorizationPolicy")) return;
        const spec = getMap(resource.node, "spec");
        if ((getString(spec, "action") ?? "ALLOW") !== "ALLOW") return;
        const scope = getPair(spec, "selector") || getPair(spec, "targetRef") || getPair(spec, "targetRefs") ? "the selected workloads" : resource.namespace === "istio-system" ? "every workload (root namespace, mesh-wide)" : "every workload in the namespace";
        for (const item of seqItems(getSeq(spec, "rules"))) {
          const rule = asMap(item);
          if (!rule || ["from", "to", "when"].some((k) => getPair(rule, k))) continue;
          context.report({ node: rule, messageId: "allowAll", data: { name: resource.name ?? "(unnamed)", scope } });
        }
      },
    };
  },
});
