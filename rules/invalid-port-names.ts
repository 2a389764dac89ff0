/**
 * @fileoverview invalid-port-names: port names and numbers the API server rejects or that can
 * never match. A Service `targetPort` string must be an IANA_SVC_NAME (1–15 characters of
 * [a-z0-9-], at least one letter, no leading/trailing or double hyphen) naming a container port;
 * a number must be 1–65535. Container `ports[].name` must be an IANA_SVC_NAME too, and Service
 * `ports[].name` a DNS label.
 */
import type { YamlNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asMap, asScalar, getPair, getSeq, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";
import { isService, servicePorts } from "./shared/_exposure.js";

/** Why a name is not an IANA_SVC_NAME (k8s.io/apimachinery validation.IsValidPortName), or null. */
export function ianaProblem(name: string): string | null {
  if (name.length < 1 || name.length > 15) return "must be 1-15 characters";
  if (!/^[a-z0-9-]+$/u.test(name)) return "may contain only lower-case letters, digits and '-'";
  if (!/[a-z]/u.test(name)) return "must contain at least one letter";
  if (name.includes("--")) return "must not contain '--'";
  if (name.startsWith("-") || name.endsWith("-")) return "must not begin or end with '-'";
  return null;
}

function dnsLabelProblem(name: string): string | null {
  if (name.length > 63) return "must be at most 63 characters";
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/u.test(name)) return "must be a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit)";
  return null;
}

/** A port value: number in range, or an IANA name. Returns the problem text or null. */
function portProblem(node: YamlNode): { value: string; problem: string } | null {
  const s = asScalar(node);
  if (!s || s.value === null) return null;
  if (typeof s.value === "number") return Number.isInteger(s.value) && s.value >= 1 && s.value <= 65535 ? null : { value: String(s.value), problem: "must be between 1 and 65535" };
  const v = String(s.value);
  if (v.includes("{{")) return null;
  if (/^\d+$/u.test(v)) return { value: v, problem: "is a quoted number: the API reads it as a port name, which must contain a letter" };
  const p = ianaProblem(v);
  return p ? { value: v, problem: p } : null;
}

export default createRule({
  name: "invalid-port-names",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow invalid port names and numbers in Services and containers",
      severity: "low",
      presets: [],
      equivalents: { "kube-linter": ["invalid-target-ports"] },
    },
    messages: {
      targetPort: "Service '{{name}}' ports[{{index}}].targetPort '{{value}}' {{problem}}.",
      servicePortName: "Service '{{name}}' ports[{{index}}].name '{{value}}' {{problem}}.",
      containerPortName: "{{container}} ports[{{index}}].name '{{value}}' {{problem}} (IANA_SVC_NAME).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const name = resource.name ?? "(unnamed)";
        for (const p of servicePorts(resource)) {
          if (p.targetPort.node) {
            const bad = portProblem(p.targetPort.node);
            if (bad) context.report({ node: p.targetPort.node, messageId: "targetPort", data: { name, index: p.index, ...bad } });
          }
          const namePair = getPair(p.node, "name");
          const n = asScalar(namePair?.value ?? null);
          if (n && typeof n.value === "string" && !n.value.includes("{{")) {
            const problem = dnsLabelProblem(n.value);
            if (problem) context.report({ node: n, messageId: "servicePortName", data: { name, index: p.index, value: n.value, problem } });
          }
        }
      },
      Container(c) {
        seqItems(getSeq(c.node, "ports")).forEach((item, index) => {
          const n = asScalar(getPair(asMap(item), "name")?.value ?? null);
          if (!n || n.value === null || String(n.value).includes("{{")) return;
          const problem = ianaProblem(String(n.value));
          if (problem) context.report({ node: n, messageId: "containerPortName", data: { container: containerLabel(c), index, value: String(n.value), problem } });
        });
      },
    };
  },
});
