/**
 * @fileoverview rbac-full-wildcard-rule: one rule with `*` apiGroups, `*` resources and `*` verbs
 * is cluster-admin (in a ClusterRole) or namespace-admin plus escalation rights (in a Role).
 */
import { createRule } from "../src/rule.js";
import { aggregationNote, isRbacRole, policyRules } from "./shared/_cluster-rbac.js";

export default createRule({
  name: "rbac-full-wildcard-rule",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Role and ClusterRole rules that grant every verb on every resource of every API group",
      severity: "critical",
      presets: ["recommended"],
      equivalents: {
        polaris: ["clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole", "rolebindingClusterAdminRole"],
        trivy: ["KSV-0044", "KSV044"],
        kubescape: ["C-0035", "C-0187"],
      },
    },
    messages: {
      full: "{{kind}} '{{name}}' rules[{{index}}] grants every verb on every resource of every API group{{names}}: {{effect}}{{aggregated}}",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const lineOf = (r: { node: { range: [number, number] } }): number => context.sourceCode.getLoc(r.node).start.line;
    return {
      Resource(resource) {
        if (!isRbacRole(resource)) return;
        for (const rule of policyRules(resource)) {
          const g = rule.apiGroups.some((i) => i.value === "*");
          const r = rule.resources.find((i) => i.value === "*");
          const v = rule.verbs.some((i) => i.value === "*");
          if (!g || !r || !v) continue;
          const names = rule.resourceNames.map((n) => n.value);
          context.report({
            node: r.node,
            messageId: "full",
            data: {
              kind: resource.kind ?? "Role",
              name: resource.name ?? "(unnamed)",
              index: rule.index,
              names: names.length ? ` (objects named ${names.map((n) => `'${n}'`).join(", ")})` : "",
              effect:
                resource.kind === "ClusterRole"
                  ? "this is cluster-admin; bound with a ClusterRoleBinding it controls the whole cluster."
                  : "this is full control of the namespace, including escalate, bind and impersonate within it.",
              aggregated: aggregationNote(resource, context.sourceCode.resources, lineOf),
            },
          });
        }
      },
    };
  },
});
