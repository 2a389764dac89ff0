/**
 * @fileoverview webhook-intercepts-kube-system: a fail-closed admission webhook (failurePolicy
 * Fail; the v1 default) whose namespaceSelector matches `kube-system`, or the namespace of the
 * webhook's own Service. When the webhook is down, nothing there can be created or updated —
 * including the webhook's own pods and the cluster's DNS/CNI add-ons — so the cluster deadlocks.
 * Namespaces are matched through the label every namespace carries since 1.21,
 * `kubernetes.io/metadata.name`; other labels are assumed absent. Only webhooks whose rules cover
 * what recovery needs (pods, workload controllers, services, endpoints, configmaps, secrets,
 * serviceaccounts, leases, or `*`) are reported; not those whose rules are all `scope: Cluster`,
 * or that narrow by objectSelector.
 */
import { appendSeqItem, asFix, insertPair } from "../src/fix/index.js";
import type { MapNode } from "../src/language/ast.js";
import { asMap, get, getMap, getPair, getSeq, getString, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { selectorMatches } from "./shared/_cluster-rbac.js";
import { isWebhookConfiguration, webhooksOf } from "./shared/_cluster-webhooks.js";

const NAME_LABEL = "kubernetes.io/metadata.name";

/** Resources the control plane and add-ons need to create or update to recover (subresources included). */
const RECOVERY_RESOURCES = new Set(["pods", "deployments", "replicasets", "daemonsets", "statefulsets", "services", "endpoints", "endpointslices", "configmaps", "secrets", "serviceaccounts", "leases"]);

function touchesRecovery(ruleMaps: MapNode[]): boolean {
  return ruleMaps.some((r) =>
    seqItems(getSeq(r, "resources")).some((x) => {
      const res = (scalarString(x) ?? "").split("/")[0]!;
      return res === "*" || RECOVERY_RESOURCES.has(res);
    }),
  );
}

function isEmptyMap(m: MapNode | null): boolean {
  return !m || m.pairs.length === 0;
}

export default createRule({
  name: "webhook-intercepts-kube-system",
  meta: {
    type: "problem",
    docs: {
      description: "Report fail-closed admission webhooks that intercept kube-system or their own namespace",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      intercepts:
        "{{kind}} '{{name}}' webhook '{{webhook}}' fails closed and its namespaceSelector matches {{namespaces}}: while the webhook is unavailable nothing there can be created or updated, {{consequence}}.",
      exclude: "Exclude {{list}} with a namespaceSelector matchExpression on kubernetes.io/metadata.name.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isWebhookConfiguration(resource)) return;
        const v1beta1 = resource.apiVersion?.endsWith("/v1beta1") ?? false;
        for (const w of webhooksOf(resource)) {
          const policy = getString(w.node, "failurePolicy") ?? (v1beta1 ? "Ignore" : "Fail");
          if (policy !== "Fail") continue;
          const ruleMaps = seqItems(getSeq(w.node, "rules")).map(asMap).filter((m) => m !== null);
          if (ruleMaps.every((r) => getString(r, "scope") === "Cluster") || !touchesRecovery(ruleMaps)) continue;
          if (!isEmptyMap(getMap(w.node, "objectSelector"))) continue;
          const selPair = getPair(w.node, "namespaceSelector");
          const sel = getMap(w.node, "namespaceSelector");
          if (selPair && !sel && get(w.node, "namespaceSelector") !== null) continue; // not a map: leave it to schema rules
          const own = getString(getMap(getMap(w.node, "clientConfig"), "service"), "namespace");
          const hit = ["kube-system", ...(own && own !== "kube-system" ? [own] : [])].filter((ns) => !sel || selectorMatches(sel, { [NAME_LABEL]: ns }));
          if (!hit.length) continue;
          const list = `[${hit.join(", ")}]`;
          const expr = `{key: ${NAME_LABEL}, operator: NotIn, values: ${list}}`;
          let edit = null;
          if (!sel) edit = insertPair(context.sourceCode, w.node, "namespaceSelector", `{matchExpressions: [${expr}]}`);
          else {
            const exprs = getSeq(sel, "matchExpressions");
            edit = exprs ? appendSeqItem(context.sourceCode, exprs, expr) : insertPair(context.sourceCode, sel, "matchExpressions", `[${expr}]`);
          }
          const fix = asFix(edit);
          const consequence = hit.includes(own ?? "") && own !== "kube-system"
            ? `including the webhook's own pods in '${own}' (it cannot be restarted or repaired)${hit.includes("kube-system") ? " and the kube-system add-ons" : ""}`
            : "including the kube-system add-ons (DNS, CNI, kube-proxy) the cluster needs to recover";
          context.report({
            node: selPair?.key ?? w.namePair ?? w.node,
            messageId: "intercepts",
            data: { kind: resource.kind ?? "", name: resource.name ?? "(unnamed)", webhook: w.name, namespaces: hit.map((n) => `'${n}'`).join(" and "), consequence },
            suggest: fix ? [{ messageId: "exclude", data: { list }, fix }] : null,
          });
        }
      },
    };
  },
});
