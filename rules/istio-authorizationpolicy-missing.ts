/**
 * @fileoverview istio-authorizationpolicy-missing: a Namespace enrolled in the Istio mesh (label
 * `istio-injection: enabled`, `istio.io/rev`, or `istio.io/dataplane-mode: ambient`) with no
 * AuthorizationPolicy in it and no mesh-wide one (a policy without `selector` in the root
 * namespace, `istio-system` by default). Without any AuthorizationPolicy Istio allows every
 * request between workloads: mTLS proves who is calling, but nothing decides who may (Kyverno
 * istio/require-authorizationpolicy; no manifest linter checks it).
 *
 * Reported on the Namespace document (where the deny-all `AuthorizationPolicy` with `spec: {}`
 * goes). Namespaces that are not declared in the run, or not enrolled in the mesh, are not
 * checked. Cross-document: every file of the run in kubeguard's CLI and language server; the
 * documents of the same file inside a user's own ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, stringRecord } from "../src/crossdoc/index.js";
import { templated } from "./shared/_crossdoc-net.js";

type Options = [{ rootNamespace?: string }];

export default crossRule({
  name: "istio-authorizationpolicy-missing",
  meta: {
    type: "problem",
    docs: {
      description: "Require an Istio AuthorizationPolicy in every mesh Namespace",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      missing:
        "Namespace '{{name}}' is in the Istio mesh ({{how}}) but has no AuthorizationPolicy, and the root namespace '{{root}}' has no mesh-wide one, among the {{count}} linted: every workload accepts requests from any caller. Add a deny-all AuthorizationPolicy (`spec: {}`) and allow callers explicitly.",
    },
    schema: [
      {
        type: "object",
        properties: { rootNamespace: { type: "string", description: "Istio's root namespace (meshConfig.rootNamespace)." } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ rootNamespace: "istio-system" }] as Options,
  check({ index, report, optionsFor }) {
    const namespaces = index.ofKind("Namespace").filter((n) => n.name && !templated(n.name));
    if (!namespaces.length) return;
    const policies = index.ofKind("AuthorizationPolicy").filter((p) => apiGroup(p.fact.apiVersion) === "security.istio.io");
    const withPolicy = new Set<string>();
    const meshWide = new Set<string>();
    for (const p of policies) {
      if (p.ns === null) continue;
      withPolicy.add(p.ns);
      if (!at(p.snap, "spec", "selector") && !at(p.snap, "spec", "targetRef") && !at(p.snap, "spec", "targetRefs")) meshWide.add(p.ns);
    }
    for (const ns of namespaces) {
      const labels = stringRecord(at(ns.snap, "metadata", "labels"));
      const how =
        labels["istio-injection"] === "enabled"
          ? "istio-injection: enabled"
          : labels["istio.io/rev"]
            ? `istio.io/rev: ${labels["istio.io/rev"]}`
            : labels["istio.io/dataplane-mode"] === "ambient"
              ? "istio.io/dataplane-mode: ambient"
              : null;
      if (!how) continue;
      const root = optionsFor(ns.file)[0]?.rootNamespace ?? "istio-system";
      if (withPolicy.has(ns.name!) || meshWide.has(root)) continue;
      report({ obj: ns, messageId: "missing", data: { name: ns.name!, how, root, count: policies.length } });
    }
  },
});
