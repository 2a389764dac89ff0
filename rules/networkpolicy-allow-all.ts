/**
 * @fileoverview networkpolicy-allow-all: a NetworkPolicy rule that admits every source (ingress) or
 * destination (egress): a rule without `from`/`to`, or a peer that selects everything —
 * `namespaceSelector: {}` without a narrowing podSelector, or `ipBlock.cidr` 0.0.0.0/0 or ::/0 without `except`.
 * Rules of a direction the policy does not enforce (policyTypes) are ignored.
 */
import { asMap, get, getMap, getPair, getSeq, getString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { enforcedDirections, isEmptySelector, isNetworkPolicy } from "./shared/_namespaces.js";

export default createRule({
  name: "networkpolicy-allow-all",
  meta: {
    type: "problem",
    docs: {
      description: "Report NetworkPolicy rules that allow traffic from or to everywhere",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      noPeers: "NetworkPolicy '{{name}}': this {{direction}} rule has no '{{peerKey}}', so it allows traffic {{fromTo}} every pod, namespace and IP address{{ports}}.",
      allNamespaces: "NetworkPolicy '{{name}}': this {{direction}} peer's empty namespaceSelector selects every pod in every namespace.",
      anyAddress: "NetworkPolicy '{{name}}': this {{direction}} peer's ipBlock {{cidr}} (without except) covers every address.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isNetworkPolicy(resource.kind, resource.apiVersion)) return;
        const spec = getMap(resource.node, "spec");
        const dirs = enforcedDirections(spec);
        const name = resource.name ?? "(unnamed)";
        for (const [key, direction, peerKey, fromTo] of [
          ["ingress", "Ingress", "from", "from"],
          ["egress", "Egress", "to", "to"],
        ] as const) {
          if (!dirs.has(direction)) continue;
          for (const item of seqItems(getSeq(spec, key))) {
            const rule = asMap(item);
            if (!rule) continue;
            const peers = getSeq(rule, peerKey);
            if (!peers || peers.items.length === 0) {
              const ports = getSeq(rule, "ports");
              context.report({
                node: getPair(rule, peerKey)?.key ?? (rule.flow || !rule.pairs[0]?.key ? rule : rule.pairs[0].key),
                messageId: "noPeers",
                data: { name, direction: key, peerKey, fromTo, ports: ports && ports.items.length ? " (on the listed ports)" : " on every port" },
              });
              continue;
            }
            for (const p of seqItems(peers)) {
              const peer = asMap(p);
              if (!peer) continue;
              const nsPair = getPair(peer, "namespaceSelector");
              const podSel = get(peer, "podSelector");
              if (nsPair && isEmptySelector(get(peer, "namespaceSelector")) && (!podSel || isEmptySelector(podSel))) {
                context.report({ node: nsPair, messageId: "allNamespaces", data: { name, direction: key } });
              }
              const block = getMap(peer, "ipBlock");
              const cidr = getString(block, "cidr");
              if ((cidr === "0.0.0.0/0" || cidr === "::/0") && seqItems(getSeq(block, "except")).length === 0) {
                context.report({ node: getPair(block, "cidr")!.value ?? block!, messageId: "anyAddress", data: { name, direction: key, cidr } });
              }
            }
          }
        }
      },
    };
  },
});
