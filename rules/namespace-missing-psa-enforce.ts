/**
 * @fileoverview namespace-missing-psa-enforce: a Namespace without the Pod Security Admission
 * label `pod-security.kubernetes.io/enforce`: pods in it are admitted at the cluster default level,
 * which is `privileged` unless the API server's AdmissionConfiguration says otherwise.
 */
import { asFix, insertPair, setIn } from "../src/fix/index.js";
import { getMap, getPair } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isNamespace, labelEntries, PSA_PREFIX } from "./shared/_namespaces.js";

export default createRule({
  name: "namespace-missing-psa-enforce",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require Namespaces to set a Pod Security Admission enforce level",
      severity: "medium",
      presets: ["recommended"],
      standards: { pss: "Pod Security Admission: namespace labels" },
      equivalents: { kubescape: ["C-0192", "C-0193"] },
    },
    messages: {
      missing:
        "Namespace '{{name}}' has no {{label}} label: its pods are admitted at the cluster's default Pod Security level (privileged unless the API server is configured otherwise).",
      addBaseline: "Add the label {{label}}: baseline (pods that need more are then rejected).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isNamespace(resource)) return;
        const { map, entries } = labelEntries(resource);
        if (entries.some((e) => e.key === `${PSA_PREFIX}enforce`)) return;
        const label = `${PSA_PREFIX}enforce`;
        const metadata = getMap(resource.node, "metadata");
        const edit = map ? insertPair(context.sourceCode, map, label, "baseline") : metadata ? setIn(context.sourceCode, metadata, ["labels"], label, "baseline") : null;
        const fix = asFix(edit);
        context.report({
          node: getPair(resource.node, "metadata")?.key ?? resource.node,
          messageId: "missing",
          data: { name: resource.name ?? "(unnamed)", label },
          suggest: fix ? [{ messageId: "addBaseline", data: { label }, fix }] : null,
        });
      },
    };
  },
});
