/**
 * @fileoverview probe-port-not-exposed: a probe whose port is not declared in the container's
 * `ports` either cannot resolve (a named port: the probe always fails) or probes an undeclared port.
 */
import { createRule } from "../src/rule.js";
import { asScalar, getMap, getPair, getSeq, scalarNumber, scalarString, seqItems, asMap } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;
const HANDLERS = ["httpGet", "tcpSocket", "grpc"] as const;

export default createRule({
  name: "probe-port-not-exposed",
  meta: {
    type: "problem",
    docs: {
      description: "Require probe ports to be declared in the container's ports",
      severity: "low",
      presets: ["all"],
      equivalents: { "kube-linter": ["liveness-port", "readiness-port", "startup-port"] },
    },
    messages: {
      namedMissing: "{{container}}: {{probe}}.{{handler}}.port '{{port}}' names no port in the container's ports: the probe cannot resolve it and always fails.",
      numberMissing: "{{container}}: {{probe}}.{{handler}}.port {{port}} is not declared in the container's ports: the probe targets a port the container does not expose.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        const names = new Set<string>();
        const numbers = new Set<number>();
        for (const p of seqItems(getSeq(c.node, "ports"))) {
          const m = asMap(p);
          const name = scalarString(getPair(m, "name")?.value);
          const num = scalarNumber(getPair(m, "containerPort")?.value);
          if (name !== null) names.add(name);
          if (num !== null) numbers.add(num);
        }
        for (const probe of PROBES) {
          const pm = getMap(c.node, probe);
          for (const handler of HANDLERS) {
            const portPair = getPair(getMap(pm, handler), "port");
            const s = asScalar(portPair?.value);
            if (!portPair || !s || s.value === null) continue;
            const data = { container: containerLabel(c), probe, handler, port: String(s.value) };
            if (typeof s.value === "number" || typeof s.value === "bigint") {
              if (!numbers.has(Number(s.value))) context.report({ node: portPair, messageId: "numberMissing", data });
            } else if (typeof s.value === "string") {
              // A quoted number is still a port number for an IntOrString field.
              if (/^\d+$/u.test(s.value)) {
                if (!numbers.has(Number(s.value))) context.report({ node: portPair, messageId: "numberMissing", data });
              } else if (!names.has(s.value)) context.report({ node: portPair, messageId: "namedMissing", data });
            }
          }
        }
      },
    };
  },
});
