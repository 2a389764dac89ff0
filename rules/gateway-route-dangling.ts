/**
 * @fileoverview gateway-route-dangling: Gateway API references that point nowhere — a route's
 * `backendRefs[]` Service (namespace from the ref, else the route's) or its port, a route's
 * `parentRefs[]` Gateway, or a Gateway's `gatewayClassName` (Kubescape C-0302; Popeye POP-407).
 * Requests for the route get a 500, or the route is never attached.
 *
 * Degrades (the other objects may live in-cluster): a missing Service is reported only when the
 * run holds Services in the target namespace, a missing Gateway only when it holds Gateways in
 * the target namespace, a missing GatewayClass only when it holds GatewayClasses. Cross-document:
 * every file of the run in kubeguard's CLI and language server; the documents of the same file
 * inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, items, str, type Obj } from "../src/crossdoc/index.js";
import { FolderGate, findService, sameFolder, intOrString, portList, serviceHasPort, services, templated } from "./shared/_crossdoc-net.js";

const GROUP = "gateway.networking.k8s.io";
const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

export default crossRule({
  name: "gateway-route-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Gateway API routes and Gateways that reference missing objects",
      severity: "low",
      presets: ["recommended"],
      equivalents: { kubescape: ["C-0302"] },
    },
    messages: {
      missingService: "{{kind}} '{{name}}' sends traffic to Service '{{service}}', which is not in namespace '{{namespace}}' among the Services linted there: requests for this rule fail.",
      missingPort: "{{kind}} '{{name}}' sends traffic to port {{port}} of Service '{{service}}' ({{where}}), which has no such port (its ports: {{ports}}).",
      missingGateway: "{{kind}} '{{name}}' attaches to Gateway '{{gateway}}', which is not in namespace '{{namespace}}' among the Gateways linted there: the route is never served.",
      missingClass: "Gateway '{{name}}' uses GatewayClass '{{className}}', which is not among the {{count}} GatewayClasses linted: no controller programs this Gateway.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const isGw = (o: Obj): boolean => apiGroup(o.fact.apiVersion) === GROUP;
    const gateways = index.ofKind("Gateway").filter(isGw);
    const classes = index.ofKind("GatewayClass").filter(isGw);
    const svcNear = new FolderGate(services(index));
    const gwNear = new FolderGate(gateways);
    const classNear = new FolderGate(classes);

    if (classes.length) {
      const classNames = new Set(classes.map((c) => c.name));
      for (const gw of gateways) {
        const node = at(gw.snap, "spec", "gatewayClassName");
        const className = str(node);
        if (!className || templated(className) || classNames.has(className) || !classNear.has(gw, null)) continue;
        report({ obj: gw, node, messageId: "missingClass", data: { name: gw.name ?? "(unnamed)", className, count: classes.length } });
      }
    }

    for (const kind of ROUTE_KINDS) {
      for (const route of index.ofKind(kind)) {
        if (!isGw(route) || route.ns === null) continue;
        const spec = at(route.snap, "spec");
        const base = { kind, name: route.name ?? "(unnamed)" };
        for (const ref of items(at(spec, "parentRefs"))) {
          if ((str(at(ref, "kind")) ?? "Gateway") !== "Gateway" || (str(at(ref, "group")) ?? GROUP) !== GROUP) continue;
          const node = at(ref, "name");
          const gateway = str(node);
          const ns = str(at(ref, "namespace")) ?? route.ns;
          if (!gateway || templated(gateway) || templated(ns) || !gwNear.has(route, ns)) continue;
          if (index.find("Gateway", ns, gateway).some(isGw)) continue;
          report({ obj: route, node, messageId: "missingGateway", data: { ...base, gateway, namespace: ns } });
        }
        for (const rule of items(at(spec, "rules"))) {
          for (const ref of items(at(rule, "backendRefs"))) {
            if ((str(at(ref, "kind")) ?? "Service") !== "Service" || (str(at(ref, "group")) ?? "") !== "") continue;
            const node = at(ref, "name");
            const service = str(node);
            const ns = str(at(ref, "namespace")) ?? route.ns;
            if (!service || templated(service) || templated(ns) || !svcNear.has(route, ns)) continue;
            const svc = findService(index, ns, service, route);
            if (!svc) {
              report({ obj: route, node, messageId: "missingService", data: { ...base, service, namespace: ns } });
              continue;
            }
            if (!sameFolder(svc, route)) continue;
            const portNode = at(ref, "port");
            const port = intOrString(portNode);
            if (typeof port !== "number" || serviceHasPort(svc, port)) continue;
            report({
              obj: route,
              node: portNode,
              messageId: "missingPort",
              data: { ...base, service, port, where: where(svc), ports: portList(svc) },
              related: [{ obj: svc, message: `Service '${service}' (ports: ${portList(svc)})` }],
            });
          }
        }
      }
    }
  },
});
