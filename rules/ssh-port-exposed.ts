/**
 * @fileoverview ssh-port-exposed: a Service that publishes or targets the SSH port (22, or the
 * common alternative 2222). The container side (containerPort 22) is the workload rule ssh-port;
 * this rule covers the Service, which is what makes the port reachable.
 */
import { createRule } from "../src/rule.js";
import { isService, serviceType, servicePorts } from "./shared/_exposure.js";

const SSH = new Set([22, 2222]);

export default createRule({
  name: "ssh-port-exposed",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report Services that expose the SSH port",
      severity: "low",
      presets: [],
      equivalents: { kubescape: ["C-0042"] },
    },
    messages: {
      ssh: "Service '{{name}}' ({{type}}) {{field}} is {{port}}/{{protocol}}, the SSH port: an SSH server reachable through a Service is a way in that bypasses the Kubernetes API's authentication and audit. Use kubectl exec or debug instead, or restrict who can reach it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const type = serviceType(resource).type;
        if (type === "ExternalName") return;
        for (const p of servicePorts(resource)) {
          if (p.protocol !== "TCP") continue;
          // targetPort defaults to port; report the first field that is an SSH port.
          for (const field of ["port", "targetPort"] as const) {
            const v = p[field];
            if (typeof v.value !== "number" || !SSH.has(v.value) || !v.node) continue;
            context.report({ node: v.node, messageId: "ssh", data: { name: resource.name ?? "(unnamed)", type, field: `ports[${p.index}].${field}`, port: v.value, protocol: p.protocol } });
            break;
          }
        }
      },
    };
  },
});
