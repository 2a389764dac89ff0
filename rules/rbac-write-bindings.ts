/**
 * @fileoverview rbac-write-bindings: write access to RoleBindings / ClusterRoleBindings hands the
 * role's permissions to any subject. Combined with `bind` on roles (in the same Role/ClusterRole)
 * it is self-escalation to any role, because `bind` lifts the API server's check that the writer
 * already holds the permissions it grants.
 */
import { createRule } from "../src/rule.js";
import { aggregationNote, grantOf, isRbacRole, policyRules, quoteList, RBAC_GROUP, type Grant } from "./shared/_cluster-rbac.js";

export default createRule({
  name: "rbac-write-bindings",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Roles and ClusterRoles that can create or change role bindings",
      severity: "high",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0051", "KSV051", "KSV-0052", "KSV052", "KSV-0055", "KSV055"] },
    },
    messages: {
      withBind:
        "{{kind}} '{{name}}' rules[{{index}}] grants {{verbs}} on {{resources}}{{names}} and rules[{{bindIndex}}] grants bind on {{bound}}: whoever is bound to it binds {{bound}} to any subject, itself included, without holding their permissions (self-escalation).{{aggregated}}",
      write:
        "{{kind}} '{{name}}' rules[{{index}}] grants {{verbs}} on {{resources}}{{names}}: whoever is bound to it hands every permission it holds to any subject (other users, its own extra service accounts), and adds subjects to existing bindings of roles it holds.{{aggregated}}",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const lineOf = (r: { node: { range: [number, number] } }): number => context.sourceCode.getLoc(r.node).start.line;
    return {
      Resource(resource) {
        if (!isRbacRole(resource)) return;
        const rules = policyRules(resource);
        let bind: Grant | null = null;
        for (const rule of rules) {
          const g = grantOf(rule, [{ verbs: ["bind"], groups: [RBAC_GROUP], resources: ["roles", "clusterroles"] }], resource.kind);
          if (g && (!bind || (bind.names && !g.names))) bind = g;
        }
        for (const rule of rules) {
          const g = grantOf(
            rule,
            [
              { verbs: ["create", "update", "patch"], groups: [RBAC_GROUP], resources: ["rolebindings"] },
              { verbs: ["create", "update", "patch"], groups: [RBAC_GROUP], resources: ["clusterrolebindings"], clusterScoped: true },
            ],
            resource.kind,
          );
          if (!g) continue;
          const wildVerb = rule.verbs.some((v) => v.value === "*");
          const data = {
            kind: resource.kind ?? "Role",
            name: resource.name ?? "(unnamed)",
            index: rule.index,
            verbs: wildVerb ? `every verb (*), including ${g.verbs.join(", ")}` : g.verbs.join(", "),
            resources: g.resources.join(", "),
            names: g.names ? ` (only ${quoteList(g.names)})` : "",
            aggregated: aggregationNote(resource, context.sourceCode.resources, lineOf),
          };
          if (bind) {
            const kinds = bind.resources.map((r) => (r === "roles" ? "Role" : "ClusterRole")).join(" or ");
            const bound = bind.names ? `the ${kinds}s ${quoteList(bind.names)}` : `any ${kinds}`;
            context.report({ node: g.node, messageId: "withBind", data: { ...data, bindIndex: bind.rule.index, bound } });
          } else {
            context.report({ node: g.node, messageId: "write", data });
          }
        }
      },
    };
  },
});
