/**
 * @fileoverview ingress-duplicate-host-path: two Ingresses of the same ingress class claim the same
 * host and path. Which one gets the traffic depends on the controller (ingress-nginx merges them
 * and the oldest wins; others pick arbitrarily), so a team's Ingress can silently take over — or
 * hijack — another team's route. Kyverno ships it as an admission policy
 * (other/unique-ingress-host-and-path); no static linter does.
 */
import { dirname } from "node:path";
import { at, crossRule, items, keyOf, str, type Obj, type Snap } from "../src/crossdoc/index.js";

interface Claim {
  obj: Obj;
  node: Snap;
}

export default crossRule({
  name: "ingress-duplicate-host-path",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two Ingresses that claim the same host and path",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      duplicate: "Ingress '{{name}}' claims {{host}}{{path}} ({{pathType}}), which Ingress '{{other}}' at {{where}} already claims for the same ingress class; the controller sends the traffic to only one of them.",
    },
    schema: [
      {
        type: "object",
        properties: { scope: { enum: ["run", "folder"], description: "Compare every Ingress of the run (default) or only those in the same folder." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ scope: "run" }] as [{ scope?: "run" | "folder" }],
  check({ index, report, where, optionsFor }) {
    const first = new Map<string, Claim>();
    for (const obj of index.ofKind("Ingress")) {
      if (!obj.fact.apiVersion?.startsWith("networking.k8s.io/") && !obj.fact.apiVersion?.startsWith("extensions/")) continue;
      const spec = at(obj.snap, "spec");
      const cls = str(at(spec, "ingressClassName")) ?? str(at(obj.snap, "metadata", "annotations", "kubernetes.io/ingress.class")) ?? "";
      const scope = optionsFor(obj.file)[0]?.scope === "folder" ? dirname(obj.file) : "";
      const seenHere = new Set<string>();
      for (const rule of items(at(spec, "rules"))) {
        const host = str(at(rule, "host")) ?? "*";
        for (const p of items(at(rule, "http", "paths"))) {
          const path = str(at(p, "path")) ?? "/";
          const pathType = str(at(p, "pathType")) ?? "ImplementationSpecific";
          // Unrendered or placeholder hosts (`{{ }}`, `${X}`, `__HOST__`, `<your domain>`) are not real claims.
          if (/\{\{|\$\{|__[A-Z_]+__|<[^>]*>/u.test(`${host}${path}`)) continue;
          const key = `${scope}\u0000${cls}\u0000${host}\u0000${path}\u0000${pathType}`;
          if (seenHere.has(key)) continue;
          seenHere.add(key);
          const node = keyOf(at(p, "path")) ?? p;
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, { obj, node });
            continue;
          }
          if (earlier.obj === obj) continue;
          report({
            obj,
            node,
            messageId: "duplicate",
            data: { name: obj.name ?? "(unnamed)", host, path, pathType, other: `${earlier.obj.ns ? `${earlier.obj.ns}/` : ""}${earlier.obj.name ?? "(unnamed)"}`, where: where(earlier.obj, earlier.node) },
            related: [{ obj: earlier.obj, node: earlier.node, message: `Ingress '${earlier.obj.name ?? ""}' claims ${host}${path} first` }],
          });
        }
      }
    }
  },
});
