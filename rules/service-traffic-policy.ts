/**
 * @fileoverview service-traffic-policy: `externalTrafficPolicy` that does not fit the Service type.
 * A LoadBalancer with `Cluster` (the default) SNATs client traffic, so the pods see a node IP
 * instead of the client's (IP allow-lists, rate limits and audit logs in the pod stop working);
 * a NodePort with `Local` drops traffic that arrives on nodes without a ready endpoint.
 */
import { createRule } from "../src/rule.js";
import { asScalar, getPair, scalarString } from "../src/language/query.js";
import { isService, serviceType, specOf } from "./shared/_exposure.js";

export default createRule({
  name: "service-traffic-policy",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report externalTrafficPolicy values that lose the client IP or drop traffic",
      severity: "info",
      presets: [],
    },
    messages: {
      lbCluster:
        "Service '{{name}}' is a LoadBalancer with externalTrafficPolicy {{how}}: traffic is source-NATed across nodes, so the pods see a node address instead of the client IP (IP allow-lists, rate limits and logs in the pod see the wrong source). Use Local if the client IP matters.",
      nodePortLocal:
        "Service '{{name}}' is a NodePort with externalTrafficPolicy: Local: connections to a node without a ready endpoint of this Service are dropped. Send clients only to nodes that run it, or use Cluster.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const t = serviceType(resource);
        if (!t.node) return;
        const pair = getPair(specOf(resource), "externalTrafficPolicy");
        const node = asScalar(pair?.value ?? null);
        const policy = scalarString(node);
        const name = resource.name ?? "(unnamed)";
        if (t.type === "LoadBalancer" && (policy === null || policy === "Cluster")) {
          context.report({ node: node ?? t.node, messageId: "lbCluster", data: { name, how: policy === null ? "unset (defaults to Cluster)" : "Cluster" } });
        } else if (t.type === "NodePort" && policy === "Local" && node) {
          context.report({ node, messageId: "nodePortLocal", data: { name } });
        }
      },
    };
  },
});
