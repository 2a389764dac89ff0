/**
 * @fileoverview workload-no-anti-affinity: a Deployment or StatefulSet with more than one replica
 * that does not spread its pods: no podAntiAffinity term (required or preferred) on a node or zone
 * topology whose labelSelector matches the pod's own labels, and no topologySpreadConstraint
 * selecting them. The scheduler may then put every replica on one node.
 */
import type { MapNode } from "../src/language/ast.js";
import { asMap, getMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { selectorMatches } from "./shared/_cluster-rbac.js";
import { isWorkload, scalarField, templateLabels } from "./shared/_availability.js";

const TOPOLOGY_KEYS = new Set(["kubernetes.io/hostname", "topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]);

function termSpreads(term: MapNode | null, labels: Record<string, string>): boolean {
  if (!term || !TOPOLOGY_KEYS.has(getString(term, "topologyKey") ?? "")) return false;
  const sel = getMap(term, "labelSelector");
  return sel !== null && selectorMatches(sel, labels);
}

export default createRule({
  name: "workload-no-anti-affinity",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require multi-replica Deployments and StatefulSets to spread their pods across nodes",
      severity: "low",
      presets: ["all"],
      equivalents: {
        "kube-linter": ["no-anti-affinity"],
        polaris: ["topologySpreadConstraint"],
        "kube-score": ["deployment-has-host-podantiaffinity", "statefulset-has-host-podantiaffinity"],
      },
    },
    messages: {
      noSpread:
        "{{kind}} '{{name}}' runs {{replicas}} replicas without a podAntiAffinity or topologySpreadConstraint that selects its own pods: all of them may land on one node and fail together.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWorkload(resource, ["Deployment", "StatefulSet"])) return;
        const spec = getMap(resource.node, "spec");
        const replicas = scalarField(spec, "replicas");
        if (!replicas?.node || typeof replicas.node.value !== "number" || replicas.node.value < 2) return;
        const pod = getMap(getMap(spec, "template"), "spec");
        const { labels } = templateLabels(resource);
        const anti = getMap(getMap(pod, "affinity"), "podAntiAffinity");
        const required = seqItems(getSeq(anti, "requiredDuringSchedulingIgnoredDuringExecution")).map(asMap);
        const preferred = seqItems(getSeq(anti, "preferredDuringSchedulingIgnoredDuringExecution")).map((p) => getMap(asMap(p), "podAffinityTerm"));
        if ([...required, ...preferred].some((t) => termSpreads(t, labels))) return;
        const spread = seqItems(getSeq(pod, "topologySpreadConstraints")).map(asMap);
        if (spread.some((c) => c && getPair(c, "topologyKey") && (getMap(c, "labelSelector") ? selectorMatches(getMap(c, "labelSelector")!, labels) : false))) return;
        context.report({ node: replicas.node, messageId: "noSpread", data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", replicas: replicas.node.value } });
      },
    };
  },
});
