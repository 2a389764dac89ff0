/**
 * @fileoverview istio-reference-not-found: Istio networking references that point nowhere (istioctl
 * analyze IST0101 "ReferencedResourceNotFound", IST0132 "VirtualServiceHostNotFoundInGateway") — a
 * VirtualService's gateway, a route destination or DestinationRule host that is no Service of the
 * set (and no ServiceEntry host), a destination `subset` its DestinationRule does not define, a
 * VirtualService host the bound Gateway does not serve — and VirtualServices claiming the host
 * `*` (Kyverno istio/restrict-virtual-service-wildcard).
 *
 * Degrades (the other objects may live in-cluster): a missing Gateway is reported only when the
 * run holds Istio Gateways in its namespace, a missing Service host only when it holds Services
 * in the host's namespace, a missing subset only when a DestinationRule for the host is in the
 * run. Hosts outside the cluster domain (`api.example.com`) are never looked up. Cross-document:
 * every file of the run in kubeguard's CLI and language server; the documents of the same file
 * inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, items, str, type Obj, type Snap } from "../src/crossdoc/index.js";
import { FolderGate, closest, findService, sameFolder, hostMatches, push, serviceHost, services, templated } from "./shared/_crossdoc-net.js";

const GROUP = "networking.istio.io";

export default crossRule({
  name: "istio-reference-not-found",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Istio references to gateways, hosts and subsets that are not in the set",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      missingGateway: "VirtualService '{{name}}' binds to Gateway '{{gateway}}', which is not in namespace '{{namespace}}' among the Istio Gateways linted there: its routes are never served at the edge.",
      hostNotInGateway: "VirtualService '{{name}}' host '{{host}}' is not served by Gateway '{{gateway}}' ({{where}}), whose hosts are {{hosts}}: the route is ignored on that gateway.",
      missingHost: "{{kind}} '{{name}}' refers to host '{{host}}', but no Service '{{service}}' is in namespace '{{namespace}}' among those linted there, and no ServiceEntry declares it: requests get a 503 (or the rule never applies).",
      missingSubset: "VirtualService '{{name}}' routes to subset '{{subset}}' of host '{{host}}', but DestinationRule '{{rule}}' ({{where}}) defines only {{subsets}}: requests get a 503.",
      wildcardHost: "VirtualService '{{name}}' claims the host '*': it captures traffic for every host on its gateways. Name the hosts it serves.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const isIstio = (o: Obj): boolean => apiGroup(o.fact.apiVersion) === GROUP;
    const virtualServices = index.ofKind("VirtualService").filter(isIstio);
    const destinationRules = index.ofKind("DestinationRule").filter(isIstio);
    if (!virtualServices.length && !destinationRules.length) return;
    const gwNear = new FolderGate(index.ofKind("Gateway").filter(isIstio));
    const svcNear = new FolderGate(services(index));
    const entryHosts: string[] = [];
    for (const se of index.ofKind("ServiceEntry").filter(isIstio)) for (const h of items(at(se.snap, "spec", "hosts"))) entryHosts.push(str(h) ?? "");
    const exactEntries = new Set(entryHosts);
    const wildEntries = entryHosts.filter((h) => h.startsWith("*"));
    const declaredByEntry = (host: string): boolean => exactEntries.has(host) || wildEntries.some((w) => hostMatches(w, host));

    /** A host as a lookup key (`svc\0ns` for in-cluster Service hosts, else the host). */
    const keyOfHost = (host: string, ns: string | null): string => {
      const s = serviceHost(host, ns);
      return s ? `${s.name}\u0000${s.ns ?? ""}` : host;
    };
    const rulesByHost = new Map<string, Obj[]>();
    for (const dr of destinationRules) {
      const host = str(at(dr.snap, "spec", "host"));
      if (host && !templated(host)) push(rulesByHost, keyOfHost(host, dr.ns), dr);
    }

    /** Report a host that names a Service not in the run (when the run holds Services in that namespace). */
    const checkHost = (obj: Obj, node: Snap | null, host: string): void => {
      if (templated(host) || declaredByEntry(host)) return;
      const target = serviceHost(host, obj.ns);
      if (!target || target.ns === null || templated(target.ns) || !svcNear.has(obj, target.ns)) return;
      if (findService(index, target.ns, target.name)) return;
      report({ obj, node, messageId: "missingHost", data: { kind: obj.kind, name: obj.name ?? "(unnamed)", host, service: target.name, namespace: target.ns } });
    };

    for (const dr of destinationRules) {
      const node = at(dr.snap, "spec", "host");
      const host = str(node);
      if (host) checkHost(dr, node, host);
    }

    for (const vs of virtualServices) {
      const spec = at(vs.snap, "spec");
      const name = vs.name ?? "(unnamed)";
      const hosts = items(at(spec, "hosts")).map((h) => ({ node: h, host: str(h) ?? "" }));
      for (const h of hosts) if (h.host === "*") report({ obj: vs, node: h.node, messageId: "wildcardHost", data: { name } });

      for (const gNode of items(at(spec, "gateways"))) {
        const ref = str(gNode);
        if (!ref || ref === "mesh" || templated(ref)) continue;
        const [gwNs, gwName] = ref.includes("/") ? [ref.slice(0, ref.indexOf("/")), ref.slice(ref.indexOf("/") + 1)] : [vs.ns ?? "", ref];
        if (!gwNear.has(vs, gwNs)) continue;
        const gw = closest(index.find("Gateway", gwNs, gwName).filter(isIstio), vs);
        if (!gw) {
          report({ obj: vs, node: gNode, messageId: "missingGateway", data: { name, gateway: gwName, namespace: gwNs } });
          continue;
        }
        if (!sameFolder(gw, vs)) continue;
        const served: string[] = [];
        for (const server of items(at(gw.snap, "spec", "servers"))) {
          for (const h of items(at(server, "hosts"))) {
            const v = str(h) ?? "";
            const slash = v.indexOf("/");
            const hostNs = slash === -1 ? "*" : v.slice(0, slash);
            const host = slash === -1 ? v : v.slice(slash + 1);
            if (hostNs === "*" || hostNs === vs.ns || (hostNs === "." && gw.ns === vs.ns)) served.push(host);
          }
        }
        if (!served.length || served.some(templated)) continue;
        for (const h of hosts) {
          if (!h.host || templated(h.host) || served.some((s) => hostMatches(s, h.host) || hostMatches(h.host, s))) continue;
          report({
            obj: vs,
            node: h.node,
            messageId: "hostNotInGateway",
            data: { name, host: h.host, gateway: gwName, where: where(gw), hosts: served.map((s) => `'${s}'`).join(", ") },
            related: [{ obj: gw, message: `Gateway '${gwName}' serves ${served.join(", ")}` }],
          });
        }
      }

      const destinations: Snap[] = [];
      for (const section of ["http", "tcp", "tls"]) {
        for (const r of items(at(spec, section))) {
          for (const d of items(at(r, "route"))) {
            const dest = at(d, "destination");
            if (dest) destinations.push(dest);
          }
          const mirror = at(r, "mirror");
          if (mirror) destinations.push(mirror);
        }
      }
      for (const dest of destinations) {
        const hostNode = at(dest, "host");
        const host = str(hostNode);
        if (!host) continue;
        checkHost(vs, hostNode, host);
        const subsetNode = at(dest, "subset");
        const subset = str(subsetNode);
        if (!subset || templated(subset) || templated(host)) continue;
        const rules = (rulesByHost.get(keyOfHost(host, vs.ns)) ?? []).filter((r) => sameFolder(r, vs));
        if (!rules.length) continue;
        const defined = rules.flatMap((r) => items(at(r.snap, "spec", "subsets")).map((s) => str(at(s, "name")) ?? ""));
        if (defined.includes(subset)) continue;
        const rule = rules[0]!;
        report({
          obj: vs,
          node: subsetNode,
          messageId: "missingSubset",
          data: { name, subset, host, rule: rule.name ?? "(unnamed)", where: where(rule), subsets: defined.length ? defined.map((s) => `'${s}'`).join(", ") : "no subsets" },
          related: [{ obj: rule, message: `DestinationRule '${rule.name ?? "(unnamed)"}' for host '${host}'` }],
        });
      }
    }
  },
});
