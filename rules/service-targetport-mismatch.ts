/**
 * @fileoverview service-targetport-mismatch: a Service port whose `targetPort` (a number, a port
 * name, or `port` when unset) is not a container port of the pods the Service selects. A named
 * targetPort that no container declares gives the Service no endpoints for that port; a number
 * no container declares usually means the port was renamed or moved (KICS "Service Does Not
 * Target Pod", Popeye POP-1106; no manifest linter checks it).
 *
 * Degrades: only Services whose selector matches pod templates of the run are checked (an
 * unmatched selector is service-dangling's finding); a numeric targetPort is checked only against
 * templates that declare container ports at all (declaring ports is optional, a container may
 * listen on any port). Cross-document: every file of the run in kubeguard's CLI and language
 * server; the documents of the same file inside a user's own ESLint.
 */
import { at, crossRule, defaultNode, type PodTemplate } from "../src/crossdoc/index.js";
import { firstN, isService, PodScope, serviceSelector, servicePorts, templated, templatePorts } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "service-targetport-mismatch",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Service targetPorts that the selected containers do not expose",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      namedMissing:
        "Service '{{name}}' port {{port}} targets the port named '{{target}}', but {{kind}} '{{workload}}' ({{where}}), which it selects, has no container port with that name (it has: {{available}}): the Service gets no endpoints on this port from it.",
      numberMissing:
        "Service '{{name}}' port {{port}} targets port {{target}}, but {{kind}} '{{workload}}' ({{where}}), which it selects, declares only container ports {{available}}: traffic is sent to a port nothing listens on, or the port was renamed.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    if (!index.podTemplates().length) return;
    const scope = new PodScope(index);
    for (const svc of index.ofKind("Service")) {
      if (!isService(svc)) continue;
      const sel = serviceSelector(svc);
      if (!sel || Object.entries(sel.matchLabels).some(([k, v]) => templated(k) || templated(v))) continue;
      const pods = scope.near(index.selectPods(svc.ns, sel), svc);
      if (!pods.length) continue;
      const portsOf = new Map<PodTemplate, ReturnType<typeof templatePorts>>(pods.map((p) => [p, templatePorts(p)]));
      for (const sp of servicePorts(svc)) {
        const target = sp.target;
        if (target === null || (typeof target === "string" && templated(target))) continue;
        const bad = pods.filter((p) => {
          const ports = portsOf.get(p)!;
          if (typeof target === "string") return !ports.some((c) => c.name === target);
          return ports.length > 0 && !ports.some((c) => c.port === target);
        });
        if (!bad.length) continue;
        const first = bad[0]!;
        const ports = portsOf.get(first)!;
        const available =
          typeof target === "string"
            ? ports.filter((c) => c.name).map((c) => `${c.name}`).join(", ") || "no named ports"
            : ports.map((c) => String(c.port ?? "?")).join(", ");
        report({
          obj: svc,
          node: sp.targetNode ?? at(sp.node, "port") ?? sp.node,
          messageId: typeof target === "string" ? "namedMissing" : "numberMissing",
          data: {
            name: svc.name ?? "(unnamed)",
            port: sp.port ?? sp.name ?? sp.index,
            target,
            kind: first.obj.kind,
            workload: first.obj.name ?? "(unnamed)",
            where: where(first.obj),
            available,
          },
          related: firstN(bad, 3).map((p) => ({ obj: p.obj, node: defaultNode(p.obj), message: `${p.obj.kind} '${p.obj.name ?? "(unnamed)"}' has no container port ${typeof target === "string" ? `named '${target}'` : String(target)}` })),
        });
      }
    }
  },
});

