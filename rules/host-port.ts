/**
 * @fileoverview host-port: a container port with a non-zero `hostPort` binds that port on the
 * node's address. PSS baseline "Host Ports" allows only an absent or zero `hostPort`.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, removePair } from "../src/fix/index.js";
import { asMap, getPair, getSeq, scalarNumber, seqItems } from "../src/language/query.js";
import { containerKindLabel, containerName } from "../src/k8s-helpers/part-b.js";

type Options = [{ allowedHostPorts?: number[] }];

export default createRule<"hostPort" | "remove", Options>({
  name: "host-port",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow containers that bind a port on the node (hostPort)",
      severity: "medium",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: Host Ports", cis: ["5.2.13"], nsa: "Kubernetes Pod security: host namespaces and host ports" },
      equivalents: {
        polaris: ["hostPortSet"],
        checkov: ["CKV_K8S_26"],
        trivy: ["KSV024"],
        kubescape: ["C-0044"],
      },
    },
    messages: {
      hostPort:
        "{{containerKind}} '{{name}}' binds hostPort {{port}} on the node: the pod is reachable on every node address (outside Services and most NetworkPolicies) and can only be scheduled where the port is free.",
      remove: "Remove hostPort (expose the port through a Service instead).",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          allowedHostPorts: {
            type: "array",
            description: "Host ports that are allowed (PSS has no allow-list: the baseline preset allows none).",
            items: { type: "integer", minimum: 1, maximum: 65535 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allowedHostPorts: [] }],
  create(context, [options]) {
    const allowed = new Set(options.allowedHostPorts ?? []);
    return {
      Container(container) {
        for (const item of seqItems(getSeq(container.node, "ports"))) {
          const port = asMap(item);
          const pair = getPair(port, "hostPort");
          if (!port || !pair) continue;
          const value = scalarNumber(pair.value);
          // Absent and 0 are allowed (Checkov CKV_K8S_26 wrongly flags 0); a non-number is rejected by the API.
          if (value === null || value === 0 || allowed.has(value)) continue;
          reportHardening(
            context,
            { node: pair, messageId: "hostPort", data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), port: value } },
            { messageId: "remove", fix: asFix(removePair(context.sourceCode, port, pair)) },
          );
        }
      },
    };
  },
});
