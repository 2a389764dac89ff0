/**
 * @fileoverview service-externalname: an ExternalName Service makes cluster DNS answer with a CNAME
 * to any host — an internal address, the cloud metadata service, another namespace's Service —
 * and Ingress controllers that follow it proxy there.
 */
import { createRule } from "../src/rule.js";
import { getPair, scalarString } from "../src/language/query.js";
import { isService, serviceType, specOf } from "./shared/_exposure.js";

function allowed(host: string, patterns: string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/u, "");
  return patterns.some((p) => {
    const q = p.toLowerCase();
    return q.startsWith("*.") ? h.endsWith(q.slice(1)) && h.length > q.length - 1 : h === q;
  });
}

export default createRule({
  name: "service-externalname",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow ExternalName Services that point outside an allow-list",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0108", "KSV108"] },
    },
    messages: {
      externalName:
        "Service '{{name}}' is an ExternalName Service for '{{host}}'{{why}}: cluster DNS answers with that name, and Ingress controllers that route to this Service proxy there, which can point traffic at internal endpoints. Allow the host in the rule options if it is intended.",
      noHost: "Service '{{name}}' is of type ExternalName without spec.externalName: the API server rejects it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          allowedHosts: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Allowed externalName hosts: exact names or `*.suffix`." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ allowedHosts: [] }] as [{ allowedHosts?: string[] }],
  create(context, [options]) {
    const patterns = options.allowedHosts ?? [];
    return {
      Resource(resource) {
        if (!isService(resource)) return;
        const t = serviceType(resource);
        const pair = getPair(specOf(resource), "externalName");
        const host = scalarString(pair?.value ?? null);
        const name = resource.name ?? "(unnamed)";
        if (t.type !== "ExternalName") return;
        if (!host || !pair?.value) {
          if (t.node) context.report({ node: t.node, messageId: "noHost", data: { name } });
          return;
        }
        if (allowed(host, patterns)) return;
        const ip = /^\d{1,3}(?:\.\d{1,3}){3}$/u.test(host) || host.includes(":");
        const internal = /(?:^|\.)(?:svc|cluster\.local|internal|local|localhost)$/iu.test(host.replace(/\.$/u, "")) || host === "localhost";
        const why = ip
          ? " (an IP address: not a valid DNS name, and a way to reach link-local or metadata addresses)"
          : internal
            ? " (an in-cluster or internal name)"
            : "";
        context.report({ node: pair.value, messageId: "externalName", data: { name, host, why } });
      },
    };
  },
});
