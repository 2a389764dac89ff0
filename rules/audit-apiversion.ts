/**
 * @fileoverview audit-apiversion: kube-apiserver accepts only `audit.k8s.io/v1` audit policies
 * (v1alpha1 and v1beta1 were removed in 1.24).
 */
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { getPair } from "../src/language/query.js";
import { isAuditPolicy } from "./shared/_audit.js";

export default createRule({
  name: "audit-apiversion",
  meta: {
    type: "problem",
    docs: {
      description: "Require `apiVersion: audit.k8s.io/v1` for audit policies",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      apiVersion: "Audit policy apiVersion '{{apiVersion}}' is not served: kube-apiserver (1.24 and later) reads only audit.k8s.io/v1 and does not start with this --audit-policy-file.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAuditPolicy(resource) || resource.apiVersion === "audit.k8s.io/v1") return;
        const pair = getPair(resource.node, "apiVersion");
        if (!pair?.value) return;
        // v1alpha1/v1beta1 Policy has the same fields as v1: renaming the version is enough.
        const compatible = resource.apiVersion === "audit.k8s.io/v1beta1" || resource.apiVersion === "audit.k8s.io/v1alpha1";
        context.report({
          node: pair.value,
          messageId: "apiVersion",
          data: { apiVersion: resource.apiVersion ?? "" },
          fix: compatible && resource.document.errors.length === 0 ? asFix(replaceNode(context.sourceCode, pair.value, "audit.k8s.io/v1")) : null,
        });
      },
    };
  },
});
