/**
 * @fileoverview ingress-dangling-backend: an Ingress backend (`defaultBackend`, `rules[].http
 * .paths[].backend`; `serviceName`/`servicePort` in the removed v1beta1 form) that names a Service
 * not in its namespace, or a port number/name the Service does not have. Requests for that path
 * get a 503 from the controller (kube-linter dangling-ingress, kube-score ingress-targets-service,
 * Kubescape C-0298 — which checks the name only; Popeye POP-1401/1402/1404).
 *
 * Degrades: reported only when the run holds at least one Service in the Ingress's namespace
 * (otherwise the Services live elsewhere). Cross-document: every file of the run in kubeguard's
 * CLI and language server; the documents of the same file inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, items, str, type Snap } from "../src/crossdoc/index.js";
import { FolderGate, findService, sameFolder, intOrString, portList, serviceHasPort, services, templated } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "ingress-dangling-backend",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Ingress backends that name a missing Service or Service port",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-ingress"], kubescape: ["C-0298"], "kube-score": ["ingress-targets-service"] },
    },
    messages: {
      missingService: "Ingress '{{name}}' sends {{path}} to Service '{{service}}', which is not among the {{count}} Services linted in namespace '{{namespace}}': requests get a 503.",
      missingPort: "Ingress '{{name}}' sends {{path}} to port {{port}} of Service '{{service}}' ({{where}}), which has no such port (its ports: {{ports}}): requests get a 503.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const svcs = services(index);
    if (!svcs.length) return;
    const near = new FolderGate(svcs);
    const counts = new Map<string, number>();
    for (const s of svcs) counts.set(s.ns ?? "", (counts.get(s.ns ?? "") ?? 0) + 1);
    for (const ing of index.ofKind("Ingress")) {
      const g = apiGroup(ing.fact.apiVersion);
      if (g !== "networking.k8s.io" && g !== "extensions") continue;
      const ns = ing.ns;
      if (ns === null || !near.has(ing, ns)) continue;
      const spec = at(ing.snap, "spec");
      const backends: { backend: Snap; path: string }[] = [];
      for (const key of ["defaultBackend", "backend"]) {
        const b = at(spec, key);
        if (b) backends.push({ backend: b, path: "its default backend" });
      }
      for (const r of items(at(spec, "rules"))) {
        const host = str(at(r, "host"));
        for (const p of items(at(r, "http", "paths"))) {
          const b = at(p, "backend");
          if (b) backends.push({ backend: b, path: `${host ?? "*"}${str(at(p, "path")) ?? "/"}` });
        }
      }
      for (const { backend, path } of backends) {
        const nameNode = at(backend, "service", "name") ?? at(backend, "serviceName");
        const name = str(nameNode);
        if (!name || templated(name)) continue;
        const svc = findService(index, ns, name, ing);
        const data = { name: ing.name ?? "(unnamed)", path, service: name, namespace: ns };
        if (!svc) {
          report({ obj: ing, node: nameNode, messageId: "missingService", data: { ...data, count: counts.get(ns) ?? 0 } });
          continue;
        }
        if (!sameFolder(svc, ing)) continue;
        const portNode = at(backend, "service", "port", "number") ?? at(backend, "service", "port", "name") ?? at(backend, "servicePort");
        const port = intOrString(portNode);
        if (port === null || (typeof port === "string" && templated(port))) continue;
        if (serviceHasPort(svc, port)) continue;
        report({
          obj: ing,
          node: portNode,
          messageId: "missingPort",
          data: { ...data, port: typeof port === "number" ? port : `'${port}'`, where: where(svc), ports: portList(svc) },
          related: [{ obj: svc, message: `Service '${name}' (ports: ${portList(svc)})` }],
        });
      }
    }
  },
});
