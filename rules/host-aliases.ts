/**
 * @fileoverview host-aliases: `hostAliases` writes entries into the pod's /etc/hosts, overriding DNS
 * for the names it lists.
 */
import { createRule } from "../src/rule.js";
import { getPair, getSeq } from "../src/language/query.js";

export default createRule({
  name: "host-aliases",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report pods that override name resolution with hostAliases",
      severity: "low",
      presets: [],
      equivalents: { trivy: ["KSV007"], kubesec: ["HostAliases"] },
    },
    messages: {
      hostAliases: "The pod sets hostAliases ({{count}} entr{{plural}}): they override DNS in /etc/hosts, can silently redirect traffic for those names, and drift from the real records.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        const pair = getPair(podSpec.node, "hostAliases");
        if (!pair) return;
        const seq = getSeq(podSpec.node, "hostAliases");
        // `hostAliases: []` or `hostAliases:` (null) has no effect.
        if (!seq || seq.items.length === 0) return;
        const count = seq.items.length;
        context.report({ node: pair.key ?? pair, messageId: "hostAliases", data: { count, plural: count === 1 ? "y" : "ies" } });
      },
    };
  },
});
