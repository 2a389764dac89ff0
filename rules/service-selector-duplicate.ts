/**
 * @fileoverview service-selector-duplicate: two Services of a namespace with the same selector.
 * Usually a copy-paste left over (a second Service for the same pods that nobody maintains, with
 * its own ports and exposure), sometimes a way to expose pods past the reviewed Service (Kyverno
 * other/require-unique-service-selector). A headless Service next to a ClusterIP one with the
 * same selector is the StatefulSet pattern, and Services on disjoint target ports split one pod's
 * interfaces (API, webhook, metrics) on purpose: neither is reported.
 *
 * Scope (like duplicate-object): by default a set is one file (one `kubectl apply -f`, one
 * `helm template` render); `{scope: "folder"}` compares the Services of one folder — golden
 * renders for several values files and alternative bundles side by side are never applied
 * together. Cross-document in folder scope; inside a user's own ESLint the documents of one file.
 */
import { dirname } from "node:path";
import { at, crossRule, keyOf, type Obj } from "../src/crossdoc/index.js";
import { isHeadless, isService, servicePorts, serviceSelector, templated } from "./shared/_crossdoc-net.js";

type Options = [{ scope?: "file" | "folder" }];

export default crossRule({
  name: "service-selector-duplicate",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow two Services with the same selector in a namespace",
      severity: "info",
      presets: [],
    },
    messages: {
      duplicate:
        "Service '{{name}}' has the same selector ({{selector}}) as Service '{{other}}' at {{where}} in namespace '{{namespace}}' and sends to the same target port(s) ({{ports}}): two Services expose the same pods. Remove one, or make the selectors distinct.",
    },
    schema: [
      {
        type: "object",
        properties: { scope: { enum: ["file", "folder"], description: "What is applied together: one file (default) or one folder." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ scope: "file" }] as Options,
  check({ index, report, where, optionsFor }) {
    const seen = new Map<string, { svc: Obj; targets: Set<string> }[]>();
    for (const svc of index.ofKind("Service")) {
      if (!isService(svc) || !svc.name) continue;
      const sel = serviceSelector(svc);
      if (!sel || Object.entries(sel.matchLabels).some(([k, v]) => templated(k) || templated(v))) continue;
      const set = optionsFor(svc.file)[0]?.scope === "folder" ? dirname(svc.file) : svc.file;
      const selector = Object.entries(sel.matchLabels)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join(",");
      const key = `${set}\u0000${svc.ns ?? ""}\u0000${isHeadless(svc) ? "headless" : "ip"}\u0000${selector}`;
      const targets = new Set(servicePorts(svc).map((p) => String(p.target)));
      const list = seen.get(key) ?? [];
      seen.set(key, list);
      // Same name twice is duplicate-object's finding; Services on disjoint target ports split one pod's interfaces (API, webhook, metrics) on purpose.
      const match = list.find((e) => e.svc.name !== svc.name && (e.targets.size === 0 || targets.size === 0 || [...targets].some((t) => e.targets.has(t))));
      list.push({ svc, targets });
      if (!match) continue;
      const earlier = match.svc;
      const shared = [...targets].filter((t) => match.targets.has(t));
      report({
        obj: svc,
        node: keyOf(at(svc.snap, "spec", "selector")),
        messageId: "duplicate",
        data: { name: svc.name, selector, other: earlier.name ?? "(unnamed)", where: where(earlier), namespace: svc.ns ?? "", ports: shared.length ? shared.join(", ") : "any" },
        related: [{ obj: earlier, node: keyOf(at(earlier.snap, "spec", "selector")), message: `Service '${earlier.name ?? "(unnamed)"}' with the same selector` }],
      });
    }
  },
});
