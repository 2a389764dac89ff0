/**
 * @fileoverview service-external-ips: `spec.externalIPs` makes kube-proxy capture traffic to those
 * IPs on every node; whoever can create such a Service intercepts traffic to any IP, including
 * external services the cluster talks to (CVE-2020-8554, unpatched by design).
 */
import { createRule } from "../src/rule.js";
import { asFix, removePair } from "../src/fix/index.js";
import { getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { isService, specOf } from "./shared/_exposure.js";

export default createRule({
  name: "service-external-ips",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Services with externalIPs",
      severity: "high",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0108", "KSV108"] },
    },
    messages: {
      externalIps:
        "Service '{{name}}' sets externalIPs ({{ips}}): kube-proxy on every node captures traffic to these addresses, so pods that talk to them reach this Service instead (CVE-2020-8554). Use a LoadBalancer or Ingress; block the field with the DenyServiceExternalIPs admission plugin.",
      removeExternalIps: "Remove spec.externalIPs (clients that use these addresses stop reaching the Service).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const spec = specOf(resource);
        const pair = getPair(spec, "externalIPs");
        const ips = seqItems(getSeq(spec, "externalIPs")).map((n) => scalarString(n) ?? "?");
        if (!pair?.key || !ips.length || !spec) return;
        const edit = spec.pairs.includes(pair) ? removePair(context.sourceCode, spec, pair) : null;
        context.report({
          node: pair.key,
          messageId: "externalIps",
          data: { name: resource.name ?? "(unnamed)", ips: ips.join(", ") },
          suggest: edit ? [{ messageId: "removeExternalIps", fix: asFix(edit)! }] : null,
        });
      },
    };
  },
});
