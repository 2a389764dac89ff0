/**
 * @fileoverview rbac-wildcard-resources: `resources: ["*"]` with a read or write verb grants that
 * verb on every resource of the rule's API groups, including Secrets, RBAC objects and every
 * resource added later (CRDs). A rule that is `*` in apiGroups, resources and verbs at once is
 * rbac-full-wildcard-rule's finding and is not reported again here.
 */
import { createRule } from "../src/rule.js";
import { aggregationNote, isRbacRole, policyRules } from "./shared/_cluster-rbac.js";

const VERBS = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "impersonate"];

export default createRule({
  name: "rbac-wildcard-resources",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Roles and ClusterRoles that grant read or write verbs on every resource",
      severity: "critical",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0046", "KSV046", "KSV-0112", "KSV112"] },
    },
    messages: {
      wildcard:
        "{{kind}} '{{name}}' rules[{{index}}] grants {{verbs}} on every resource of {{groups}}{{names}}: {{scope}} (Secrets, RBAC objects and resources added later included). List the resources it needs.{{aggregated}}",
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
          const star = rule.resources.find((r) => r.value === "*");
          if (!star) continue;
          const anyVerb = rule.verbs.some((v) => v.value === "*");
          const anyGroup = rule.apiGroups.some((g) => g.value === "*");
          if (anyVerb && anyGroup) continue; // rbac-full-wildcard-rule
          const verbs = anyVerb ? VERBS : rule.verbs.map((v) => v.value).filter((v) => VERBS.includes(v));
          if (!verbs.length || !rule.apiGroups.length) continue;
          const names = rule.resourceNames.map((n) => n.value);
          context.report({
            node: star.node,
            messageId: "wildcard",
            data: {
              kind: resource.kind ?? "Role",
              name: resource.name ?? "(unnamed)",
              index: rule.index,
              verbs: anyVerb ? "every verb (*)" : verbs.join(", "),
              groups: anyGroup ? "every API group" : rule.apiGroups.map((g) => (g.value === "" ? "the core group" : `'${g.value}'`)).join(", "),
              names: names.length ? ` (objects named ${names.map((n) => `'${n}'`).join(", ")})` : "",
              scope: resource.kind === "ClusterRole" ? "bound cluster-wide this reaches every namespace" : "this reaches everything in the namespace",
              aggregated: aggregationNote(resource, context.sourceCode.resources, lineOf),
            },
          });
        }
      },
    };
  },
});
