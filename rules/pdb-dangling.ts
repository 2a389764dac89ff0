/**
 * @fileoverview pdb-dangling: a PodDisruptionBudget whose selector matches no pod template of its
 * namespace in the run. It protects nothing — usually a label typo or a renamed workload that
 * every static tool passes (devantler-tech/platform#3596, bitnami/charts#34544; Popeye POP-900
 * live only). policy/v1: `selector: {}` selects every pod of the namespace, no selector none;
 * policy/v1beta1: an empty selector selects none.
 *
 * Only namespaces for which the run holds pod templates are judged (otherwise the pods live
 * elsewhere); templated selectors are skipped, and so are selectors that match the labels of a
 * custom resource of the namespace (operators create its pods with its labels). Cross-document: kubeguard's CLI and language server
 * look at every file of the run; inside a user's own ESLint, at the documents of one file.
 */
import { at, crossRule, keyOf } from "../src/crossdoc/index.js";
import { CustomResourceLabels, nameOf, pdbCoverage, podNamespaces } from "./shared/_crossdoc-identity.js";
import { selectorText } from "./shared/_crossdoc-net.js";

export default crossRule({
  name: "pdb-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow PodDisruptionBudgets whose selector matches no pod template",
      severity: "low",
      presets: ["recommended"],
    },
    messages: {
      dangling:
        "PodDisruptionBudget '{{name}}' selects {{selector}}, but none of the {{pods}} pod templates of namespace '{{namespace}}' in the linted set has these labels: it protects nothing.",
      none: "PodDisruptionBudget '{{name}}' {{why}}, so it selects no pod and protects nothing.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    const { selections } = pdbCoverage(index);
    if (!selections.length) return;
    const withPods = podNamespaces(index);
    const customResources = new CustomResourceLabels(index);
    const podCount = new Map<string, number>();
    for (const p of index.podTemplates()) podCount.set(p.obj.ns ?? "", (podCount.get(p.obj.ns ?? "") ?? 0) + 1);
    for (const s of selections) {
      if (s.templated || s.pods.length) continue;
      if (!s.selector) {
        report({ obj: s.pdb, node: keyOf(at(s.pdb.snap, "spec")), messageId: "none", data: { name: nameOf(s.pdb), why: "has no `spec.selector`" } });
        continue;
      }
      const empty = !Object.keys(s.selector.matchLabels).length && !s.selector.matchExpressions.length;
      if (empty && s.pdb.fact.apiVersion === "policy/v1beta1") {
        report({ obj: s.pdb, node: keyOf(s.node), messageId: "none", data: { name: nameOf(s.pdb), why: "is policy/v1beta1 with an empty `selector: {}` (in v1beta1 that selects nothing; policy/v1 would select every pod)" } });
        continue;
      }
      if (empty || !withPods.has(s.pdb.ns ?? "")) continue;
      // Pods an operator creates for a custom resource of the run (an Alertmanager, a Prometheus) carry its labels.
      if (customResources.match(s.pdb.ns, s.selector)) continue;
      report({
        obj: s.pdb,
        node: keyOf(s.node),
        messageId: "dangling",
        data: { name: nameOf(s.pdb), selector: selectorText(s.selector), pods: podCount.get(s.pdb.ns ?? "") ?? 0, namespace: s.pdb.ns ?? "" },
      });
    }
  },
});
