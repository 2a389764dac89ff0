/**
 * @fileoverview ingress-tls-host-mismatch: an Ingress with `spec.tls` whose rule host is not
 * listed in any `tls[].hosts`: the controller serves that host with its default (usually
 * self-signed) certificate or over plain HTTP.
 */
import { createRule } from "../src/rule.js";
import { getSeq, seqItems } from "../src/language/query.js";
import { ingressRules, isIngress, specOf, tlsCovers, tlsHosts } from "./shared/_exposure.js";

export default createRule({
  name: "ingress-tls-host-mismatch",
  meta: {
    type: "problem",
    docs: {
      description: "Require every Ingress rule host to be covered by a TLS entry",
      severity: "low",
      presets: [],
    },
    messages: {
      mismatch:
        "Ingress '{{name}}' rules[{{index}}].host '{{host}}' is not in any spec.tls[].hosts: the controller serves it with its default certificate (browsers warn, clients that skip verification are exposed) or without TLS. Add the host to a TLS entry.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isIngress(resource)) return;
        if (!seqItems(getSeq(specOf(resource), "tls")).length) return; // ingress-no-tls
        const hosts = tlsHosts(resource);
        for (const r of ingressRules(resource)) {
          if (!r.host || !r.hostNode || r.host.includes("{{")) continue;
          if (hosts.some((h) => tlsCovers(h, r.host!))) continue;
          context.report({ node: r.hostNode, messageId: "mismatch", data: { name: resource.name ?? "(unnamed)", index: r.index, host: r.host } });
        }
      },
    };
  },
});
