/**
 * @fileoverview ingress-host-wildcard-or-empty: an Ingress rule without a host answers for every
 * host name that reaches the controller; a wildcard host answers for every subdomain. Either can
 * take traffic meant for another team's Ingress.
 */
import { createRule } from "../src/rule.js";
import { getPair } from "../src/language/query.js";
import { ingressRules, isIngress } from "./shared/_exposure.js";

export default createRule({
  name: "ingress-host-wildcard-or-empty",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow Ingress rules without a host or with a wildcard host",
      severity: "low",
      presets: [],
    },
    messages: {
      empty: "Ingress '{{name}}' rules[{{index}}] has no host: it answers for every host name that reaches the controller, including names meant for other Ingresses. Set the host.",
      wildcard: "Ingress '{{name}}' rules[{{index}}].host '{{host}}' is a wildcard: it answers for every subdomain, including ones other teams may want to serve. Name the hosts.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIngress(resource)) return;
        for (const r of ingressRules(resource)) {
          const name = resource.name ?? "(unnamed)";
          if (r.host && r.host.includes("{{")) continue;
          if (!r.host) {
            const anchor = getPair(r.node, "host")?.key ?? r.node.pairs[0]?.key ?? r.node;
            context.report({ node: anchor, messageId: "empty", data: { name, index: r.index } });
          } else if (r.host.startsWith("*") && r.hostNode) {
            context.report({ node: r.hostNode, messageId: "wildcard", data: { name, index: r.index, host: r.host } });
          }
        }
      },
    };
  },
});
