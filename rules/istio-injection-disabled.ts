/**
 * @fileoverview istio-injection-disabled: sidecar injection switched off explicitly — a Namespace
 * labelled `istio-injection: disabled`, or a pod template with `sidecar.istio.io/inject: "false"`
 * (label or annotation). Those pods run outside the mesh: no mTLS, no AuthorizationPolicy.
 * Not reported: Istio's own gateways (they run the proxy image as their main container) and
 * run-to-completion Jobs/CronJobs (a classic sidecar would keep them from completing). A Namespace
 * without any injection label is not reported: in a cluster without Istio that is normal.
 */
import type { MapNode, ScalarNode } from "../src/language/ast.js";
import { asScalar, getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { imageOf } from "../src/k8s-helpers/part-b.js";
import { isNamespace, labelEntries } from "./shared/_namespaces.js";
import { INJECT_POD_KEY, INJECTION_LABEL, isIstioProxyImage } from "./shared/_mesh.js";

const RUN_TO_COMPLETION = new Set(["Job", "CronJob"]);

function injectFalse(map: MapNode | null): ScalarNode | null {
  const v = asScalar(getPair(map, INJECT_POD_KEY)?.value ?? null);
  return v && (v.value === "false" || v.value === false) ? v : null;
}

export default createRule({
  name: "istio-injection-disabled",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report namespaces and workloads that opt out of Istio sidecar injection",
      severity: "low",
      presets: ["all"],
    },
    messages: {
      namespace: "Namespace '{{name}}' sets istio-injection: disabled: its pods run outside the mesh (no mTLS, no AuthorizationPolicy enforcement).",
      pod: "{{kind}} '{{name}}' sets {{where}} {{key}}: \"false\": its pods run outside the mesh (no mTLS, no AuthorizationPolicy enforcement).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (isNamespace(resource)) {
          const e = labelEntries(resource).entries.find((x) => x.key === INJECTION_LABEL && x.value === "disabled");
          if (e?.valueNode) context.report({ node: e.valueNode, messageId: "namespace", data: { name: resource.name ?? "(unnamed)" } });
          return;
        }
        if (RUN_TO_COMPLETION.has(resource.kind ?? "")) return;
        for (const ps of resource.podSpecs) {
          if (!ps.metadata) continue;
          if (ps.containers.some((c) => isIstioProxyImage(imageOf(c)?.value ?? ""))) continue;
          for (const where of ["annotations", "labels"] as const) {
            const node = injectFalse(getMap(ps.metadata, where));
            if (node) context.report({ node, messageId: "pod", data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", where: where === "labels" ? "the pod label" : "the pod annotation", key: INJECT_POD_KEY } });
          }
        }
      },
    };
  },
});
