/**
 * @fileoverview tiller-deployed (Service part): a Service that exposes Helm v2's Tiller — named
 * after it, labelled app=helm / name=tiller, or selecting such pods. Tiller's gRPC API
 * (port 44134) is unauthenticated and installs anything with its usually cluster-admin service
 * account; a Service makes it reachable from every pod. The Tiller pods themselves are reported by
 * `known-risky-workload` (catalog-cluster §6).
 */
import type { MapNode, PairNode } from "../src/language/ast.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

function tillerPair(map: MapNode | null): PairNode | null {
  for (const p of map?.pairs ?? []) {
    const k = asScalar(p.key)?.value;
    const v = asScalar(p.value)?.value;
    if ((k === "app" && v === "helm") || (k === "name" && v === "tiller")) return p;
  }
  return null;
}

export default createRule({
  name: "tiller-deployed",
  meta: {
    type: "problem",
    docs: {
      description: "Report Services that expose Helm v2 Tiller",
      severity: "high",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_44"], trivy: ["KSV-0102"] },
    },
    messages: {
      service:
        "Service '{{name}}' exposes Helm v2 Tiller ({{why}}): Tiller's unauthenticated gRPC API installs anything with its (usually cluster-admin) service account, and this Service makes it reachable from every pod. Remove Tiller (Helm v2 is unsupported since 2020).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (resource.kind !== "Service" || apiGroup(resource.apiVersion) !== "") return;
        const name = resource.name ?? "";
        const metadata = getMap(resource.node, "metadata");
        const selector = tillerPair(getMap(getMap(resource.node, "spec"), "selector"));
        const label = tillerPair(getMap(metadata, "labels"));
        const namePair = getPair(metadata, "name");
        const hit: [PairNode, string] | null = selector
          ? [selector, "its selector picks Tiller pods"]
          : label
            ? [label, "it is labelled as Tiller"]
            : /tiller/iu.test(name) && namePair
              ? [namePair, "named after Tiller"]
              : null;
        if (!hit) return;
        context.report({ node: hit[0], messageId: "service", data: { name: name || "(unnamed)", why: hit[1] } });
      },
    };
  },
});
