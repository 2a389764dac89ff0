/**
 * @fileoverview namespace-psa-privileged: `pod-security.kubernetes.io/enforce: privileged` on a
 * Namespace switches Pod Security Admission off for it, overriding a baseline/restricted cluster default.
 */
import { createRule } from "../src/rule.js";
import { isNamespace, labelEntries, PSA_PREFIX } from "./shared/_namespaces.js";

export default createRule({
  name: "namespace-psa-privileged",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow the privileged Pod Security Admission enforce level on Namespaces",
      severity: "high",
      presets: ["recommended"],
      standards: { pss: "Pod Security Admission: namespace labels" },
      equivalents: { kubescape: ["C-0193"] },
    },
    messages: {
      privileged:
        "Namespace '{{name}}' enforces the 'privileged' Pod Security level: any pod, including privileged and host-namespace pods, is admitted there, whatever the cluster default is.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isNamespace(resource)) return;
        for (const e of labelEntries(resource).entries) {
          if (e.key === `${PSA_PREFIX}enforce` && e.value === "privileged" && e.valueNode) {
            context.report({ node: e.valueNode, messageId: "privileged", data: { name: resource.name ?? "(unnamed)" } });
          }
        }
      },
    };
  },
});
