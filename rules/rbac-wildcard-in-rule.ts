/**
 * @fileoverview rbac-wildcard-in-rule: `*` in a Role/ClusterRole rule's apiGroups, resources or
 * verbs grants everything that exists now and everything added later (new resources, CRDs, verbs).
 */
import { createRule } from "../src/rule.js";
import { isRbacRole, policyRules } from "./shared/_cluster-rbac.js";

export default createRule({
  name: "rbac-wildcard-in-rule",
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow * in Role and ClusterRole rules",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["wildcard-in-rules"], checkov: ["CKV_K8S_49"] },
    },
    messages: {
      wildcard:
        "{{kind}} '{{name}}' rules[{{index}}] uses * in {{fields}} ({{what}}): API groups, resources and verbs added later (new versions, CRDs) are granted too. List them explicitly.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacRole(resource)) return;
        for (const rule of policyRules(resource)) {
          const fields: string[] = [];
          const what: string[] = [];
          let node = null;
          const g = rule.apiGroups.find((i) => i.value === "*");
          const r = rule.resources.find((i) => i.value === "*" || i.value.startsWith("*/"));
          const v = rule.verbs.find((i) => i.value === "*");
          if (g) (fields.push("apiGroups"), what.push("every API group"), (node ??= g.node));
          if (r) (fields.push("resources"), what.push(r.value === "*" ? "every resource" : `the ${r.value.slice(2)} subresource of every resource`), (node ??= r.node));
          if (v) (fields.push("verbs"), what.push("every verb"), (node ??= v.node));
          if (!node) continue;
          context.report({
            node,
            messageId: "wildcard",
            data: { kind: resource.kind ?? "Role", name: resource.name ?? "(unnamed)", index: rule.index, fields: fields.join(", "), what: what.join("; ") },
          });
        }
      },
    };
  },
});
