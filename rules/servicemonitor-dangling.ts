/**
 * @fileoverview servicemonitor-dangling: a prometheus-operator ServiceMonitor whose
 * `spec.selector` matches no Service in the namespaces it watches (`namespaceSelector.any`,
 * `matchNames`, else its own), or that has no selector at all. Nothing is scraped — metrics and
 * the alerts built on them silently disappear (kube-linter dangling-servicemonitor).
 *
 * Degrades: the "no match" finding is made only when the run holds Services in (one of) the
 * watched namespaces (otherwise the Services live elsewhere). Cross-document: every file of the
 * run in kubeguard's CLI and language server; the documents of the same file inside a user's own
 * ESLint.
 */
import { apiGroup } from "../src/language/k8s.js";
import { at, crossRule, items, keyOf, str } from "../src/crossdoc/index.js";
import { FolderGate, LabelIndex, readSelector, selectorTemplated, selectorText, services, templated } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "servicemonitor-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow ServiceMonitors that select no Service",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-servicemonitor"] },
    },
    messages: {
      noSelector: "ServiceMonitor '{{name}}' has neither a selector nor a namespaceSelector: it selects every Service of namespace '{{namespace}}', which is rarely meant. Select the Services to scrape.",
      dangling: "ServiceMonitor '{{name}}' selects Services with {{selector}} in {{namespaces}}, but none of the {{count}} Services linted there has these labels: nothing is scraped.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    const monitors = index.ofKind("ServiceMonitor").filter((m) => apiGroup(m.fact.apiVersion) === "monitoring.coreos.com");
    if (!monitors.length) return;
    const svcs = services(index);
    const labels = new LabelIndex(svcs);
    const near = new FolderGate(svcs);
    const counts = new Map<string, number>();
    for (const s of svcs) counts.set(s.ns ?? "", (counts.get(s.ns ?? "") ?? 0) + 1);
    for (const sm of monitors) {
      const spec = at(sm.snap, "spec");
      const selNode = at(spec, "selector");
      const sel = readSelector(selNode) ?? { matchLabels: {}, matchExpressions: [] };
      const nsSel = at(spec, "namespaceSelector");
      const any = at(nsSel, "any")?.v === true;
      const matchNames = items(at(nsSel, "matchNames")).map((n) => str(n) ?? "");
      const emptySel = !Object.keys(sel.matchLabels).length && !sel.matchExpressions.length;
      const base = { name: sm.name ?? "(unnamed)", namespace: sm.ns ?? "" };
      if (emptySel && !any && !matchNames.length) {
        report({ obj: sm, node: keyOf(selNode) ?? keyOf(spec), messageId: "noSelector", data: base });
        continue;
      }
      if (emptySel || selectorTemplated(sel) || matchNames.some((n) => templated(n))) continue;
      const targets = any ? null : matchNames.length ? matchNames : [sm.ns ?? ""];
      if (targets === null) {
        if (!near.has(sm, null) || labels.select(null, sel).length) continue;
        report({ obj: sm, node: keyOf(selNode), messageId: "dangling", data: { ...base, selector: selectorText(sel), namespaces: "every namespace", count: labels.size } });
        continue;
      }
      const known = targets.filter((n) => near.has(sm, n));
      if (!known.length || known.length < targets.length) continue;
      if (known.some((n) => labels.select(n, sel).length)) continue;
      report({
        obj: sm,
        node: keyOf(selNode),
        messageId: "dangling",
        data: { ...base, selector: selectorText(sel), namespaces: known.map((n) => `namespace '${n}'`).join(", "), count: known.reduce((a, n) => a + (counts.get(n) ?? 0), 0) },
      });
    }
  },
});
