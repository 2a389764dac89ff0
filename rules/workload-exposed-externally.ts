/**
 * @fileoverview workload-exposed-externally: a workload reachable from outside the cluster — its
 * pods are selected by a NodePort or (public) LoadBalancer Service, or by a Service that an
 * Ingress, a Gateway API route or an Istio VirtualService bound to a gateway sends traffic to
 * (Kubescape C-0256/C-0266, C-0021 for sensitive interfaces). Attack-path context: reported as
 * info on the workload, naming the Service and the entry point; workloads whose name is a known
 * sensitive interface (kubernetes-dashboard, jenkins, argo-server, kubeflow …) get a stronger
 * message.
 *
 * Only exposure the run shows is reported (a workload is never called "internal" because no
 * Service was found). Cross-document: every file of the run in kubeguard's CLI and language
 * server; the documents of the same file inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, defaultNode, items, str, stringRecord, type Obj, type PodTemplate } from "../src/crossdoc/index.js";
import { findService, firstN, isService, PodScope, serviceHost, serviceSelector, templated } from "./shared/_crossdoc-net.js";

type Options = [{ sensitiveNames?: string[]; sensitiveOnly?: boolean }];

const SENSITIVE = ["kubernetes-dashboard", "jenkins", "argo-server", "argocd-server", "kubeflow", "mlflow", "ray-dashboard", "weave-scope", "nifi", "airflow-webserver", "jupyter", "prometheus-server", "alertmanager", "kibana", "grafana", "rabbitmq-management", "consul-ui", "vault-ui", "etcd"];

const INTERNAL_LB: [string, string][] = [
  ["networking.gke.io/load-balancer-type", "internal"],
  ["cloud.google.com/load-balancer-type", "internal"],
  ["service.beta.kubernetes.io/aws-load-balancer-internal", "true"],
  ["service.beta.kubernetes.io/azure-load-balancer-internal", "true"],
  ["service.beta.kubernetes.io/aws-load-balancer-scheme", "internal"],
  ["service.beta.kubernetes.io/oci-load-balancer-internal", "true"],
  ["service.beta.openstack.org/openstack-internal-load-balancer", "true"],
  ["service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type", "private"],
];

const ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"];

interface Exposure {
  via: string;
  svc: Obj;
  entry: Obj | null;
}

export default crossRule({
  name: "workload-exposed-externally",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report workloads reachable from outside the cluster",
      severity: "info",
      presets: [],
      equivalents: { kubescape: ["C-0256", "C-0266", "C-0021"] },
    },
    messages: {
      exposed: "{{kind}} '{{name}}' is reachable from outside the cluster through {{via}}{{more}}: review its authentication and what it serves.",
      sensitive:
        "{{kind}} '{{name}}' looks like a sensitive interface ({{match}}) and is reachable from outside the cluster through {{via}}{{more}}: put it behind authentication or keep it internal (ClusterIP, no Ingress/route).",
    },
    schema: [
      {
        type: "object",
        properties: {
          sensitiveNames: { type: "array", items: { type: "string" }, description: "Name fragments of sensitive interfaces (workload name or image)." },
          sensitiveOnly: { type: "boolean", description: "Report only sensitive interfaces." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ sensitiveNames: SENSITIVE, sensitiveOnly: false }] as Options,
  check({ index, report, where, optionsFor }) {
    if (!index.podTemplates().length) return;
    const scope = new PodScope(index);
    const exposures = new Map<PodTemplate, Exposure[]>();
    const expose = (svc: Obj, via: string, entry: Obj | null): void => {
      const sel = serviceSelector(svc);
      if (!sel || Object.entries(sel.matchLabels).some(([k, v]) => templated(k) || templated(v))) return;
      for (const pod of scope.near(index.selectPods(svc.ns, sel), svc)) {
        const list = exposures.get(pod) ?? [];
        if (!exposures.has(pod)) exposures.set(pod, list);
        if (list.length < 8) list.push({ via, svc, entry });
      }
    };

    for (const svc of index.ofKind("Service")) {
      if (!isService(svc)) continue;
      const type = str(at(svc.snap, "spec", "type")) ?? "ClusterIP";
      if (type === "NodePort") expose(svc, `NodePort Service '${svc.name ?? "(unnamed)"}' (${where(svc)})`, null);
      else if (type === "LoadBalancer") {
        const ann = stringRecord(at(svc.snap, "metadata", "annotations"));
        if (INTERNAL_LB.some(([k, v]) => (ann[k] ?? "").toLowerCase() === v)) continue;
        expose(svc, `LoadBalancer Service '${svc.name ?? "(unnamed)"}' (${where(svc)})`, null);
      }
    }

    const viaEntry = (entry: Obj, label: string, svcNs: string | null, svcName: string | null): void => {
      if (!svcName || templated(svcName)) return;
      const svc = findService(index, svcNs, svcName, entry);
      if (!svc) return;
      const type = str(at(svc.snap, "spec", "type")) ?? "ClusterIP";
      if (type === "ExternalName") return;
      expose(svc, `${label} '${entry.name ?? "(unnamed)"}' (${where(entry)}) → Service '${svcName}'`, entry);
    };

    for (const ing of index.ofKind("Ingress")) {
      const g = apiGroup(ing.fact.apiVersion);
      if (g !== "networking.k8s.io" && g !== "extensions") continue;
      const spec = at(ing.snap, "spec");
      const backends = [at(spec, "defaultBackend"), at(spec, "backend")];
      for (const r of items(at(spec, "rules"))) for (const p of items(at(r, "http", "paths"))) backends.push(at(p, "backend"));
      for (const b of backends) {
        if (!b) continue;
        viaEntry(ing, "Ingress", ing.ns, str(at(b, "service", "name")) ?? str(at(b, "serviceName")));
      }
    }

    for (const kind of ROUTE_KINDS) {
      for (const route of index.ofKind(kind)) {
        if (apiGroup(route.fact.apiVersion) !== "gateway.networking.k8s.io") continue;
        const spec = at(route.snap, "spec");
        if (!items(at(spec, "parentRefs")).length) continue;
        for (const r of items(at(spec, "rules"))) {
          for (const ref of items(at(r, "backendRefs"))) {
            const refKind = str(at(ref, "kind")) ?? "Service";
            const refGroup = str(at(ref, "group")) ?? "";
            if (refKind !== "Service" || refGroup !== "") continue;
            viaEntry(route, kind, str(at(ref, "namespace")) ?? route.ns, str(at(ref, "name")));
          }
        }
      }
    }

    for (const vs of index.ofKind("VirtualService")) {
      if (apiGroup(vs.fact.apiVersion) !== "networking.istio.io") continue;
      const spec = at(vs.snap, "spec");
      const gateways = items(at(spec, "gateways")).map((g) => str(g) ?? "");
      if (!gateways.some((g) => g && g !== "mesh")) continue;
      for (const section of ["http", "tcp", "tls"]) {
        for (const r of items(at(spec, section))) {
          for (const d of items(at(r, "route"))) {
            const host = str(at(d, "destination", "host"));
            const target = host ? serviceHost(host, vs.ns) : null;
            if (target) viaEntry(vs, "Istio VirtualService", target.ns, target.name);
          }
        }
      }
    }

    for (const [pod, list] of exposures) {
      const opts = optionsFor(pod.obj.file)[0] ?? {};
      const names = opts.sensitiveNames ?? SENSITIVE;
      const name = pod.obj.name ?? "";
      const images = items(at(pod.spec, "containers")).map((c) => str(at(c, "image")) ?? "");
      const match = names.find((n) => name.includes(n) || images.some((i) => (i.split("/").pop() ?? "").split(/[:@]/u)[0]!.includes(n)));
      if (!match && opts.sensitiveOnly) continue;
      const first = list[0]!;
      const related: { obj: Obj; message: string }[] = [];
      for (const e of firstN(list, 3)) {
        related.push({ obj: e.svc, message: `Service '${e.svc.name ?? "(unnamed)"}' selects this workload` });
        if (e.entry) related.push({ obj: e.entry, message: `${e.entry.kind} '${e.entry.name ?? "(unnamed)"}' routes external traffic to it` });
      }
      report({
        obj: pod.obj,
        node: defaultNode(pod.obj),
        messageId: match ? "sensitive" : "exposed",
        data: { kind: pod.obj.kind, name: pod.obj.name ?? "(unnamed)", via: first.via, more: list.length > 1 ? ` (and ${list.length - 1} more)` : "", match: match ?? "" },
        related,
      });
    }
  },
});
