/**
 * @fileoverview service-dangling: a Service whose selector matches no pod template of the run.
 * Traffic to it goes nowhere — usually a label typo or a renamed workload (kube-linter
 * dangling-service, kube-score service-targets-pod). Cross-document: kubeguard's CLI and
 * language server match against every file of the run; inside a user's own ESLint, against the
 * documents of the same file.
 */
import { at, crossRule, isEmptySelector, keyOf, readSelector } from "../src/crossdoc/index.js";

export default crossRule({
  name: "service-dangling",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Services whose selector matches no pod template",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["dangling-service"], kubescape: ["C-0293"], "kube-score": ["service-targets-pod"] },
    },
    messages: {
      dangling: "Service '{{name}}' selects {{selector}}, but no pod template in namespace '{{namespace}}' has these labels among the {{pods}} pod templates linted; its traffic goes nowhere.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report }) {
    // With no workloads in the run there is nothing to match against: say nothing.
    if (!index.podTemplates().length) return;
    for (const svc of index.ofKind("Service")) {
      if (svc.fact.apiVersion !== "v1") continue;
      const spec = at(svc.snap, "spec");
      const type = at(spec, "type")?.v;
      if (type === "ExternalName") continue;
      const selectorSnap = at(spec, "selector");
      const selector = readSelector(selectorSnap, true);
      // No selector: endpoints are managed by hand (or by a controller); not dangling.
      if (!selector || isEmptySelector(selector) || !selectorSnap) continue;
      // A selector written with template placeholders cannot be matched.
      if (Object.values(selector.matchLabels).some((v) => v.includes("{{"))) continue;
      if (index.selectPods(svc.ns, selector).length) continue;
      report({
        obj: svc,
        node: keyOf(selectorSnap),
        messageId: "dangling",
        data: {
          name: svc.name ?? "(unnamed)",
          selector: Object.entries(selector.matchLabels)
            .map(([k, v]) => `${k}=${v}`)
            .join(","),
          namespace: svc.ns ?? "",
          pods: index.podTemplates().length,
        },
      });
    }
  },
});
