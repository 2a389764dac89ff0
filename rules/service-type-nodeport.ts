/**
 * @fileoverview service-type-nodeport: a NodePort Service opens the port on every node's
 * addresses, bypassing Ingress/Gateway TLS, authentication and rate limits, and reachable from
 * wherever the nodes are.
 */
import { createRule } from "../src/rule.js";
import { isService, serviceType } from "./shared/_exposure.js";

export default createRule({
  name: "service-type-nodeport",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow Services of type NodePort",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["exposed-services"], "kube-score": ["service-type"] },
    },
    messages: {
      nodePort:
        "Service '{{name}}' is of type NodePort: its ports are opened on every node's network interfaces, outside any Ingress or Gateway (TLS, authentication) and reachable from wherever the nodes are. Use ClusterIP behind an Ingress or Gateway.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const t = serviceType(resource);
        if (t.type === "NodePort" && t.node) context.report({ node: t.node, messageId: "nodePort", data: { name: resource.name ?? "(unnamed)" } });
      },
    };
  },
});
