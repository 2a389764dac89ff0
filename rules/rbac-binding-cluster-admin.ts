/**
 * @fileoverview rbac-binding-cluster-admin: a binding to the ClusterRole cluster-admin, or to a
 * role of the same file whose rules grant every verb on every resource of every group.
 */
import { createRule } from "../src/rule.js";
import type { ResourceNode } from "../src/language/ast.js";
import { isRbacRole, policyRules } from "./shared/_cluster-rbac.js";
import { isBootstrapDefault, roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";
import { isRbacBinding } from "./shared/_cluster-rbac.js";

function fullWildcard(role: ResourceNode): boolean {
  return policyRules(role).some(
    (r) => r.apiGroups.some((i) => i.value === "*") && r.resources.some((i) => i.value === "*") && r.verbs.some((i) => i.value === "*") && r.resourceNames.length === 0,
  );
}

export default createRule({
  name: "rbac-binding-cluster-admin",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bindings to cluster-admin and to roles that grant everything",
      severity: "high",
      presets: ["recommended"],
      equivalents: {
        "kube-linter": ["cluster-admin-role-binding"],
        polaris: ["clusterrolebindingClusterAdmin", "rolebindingClusterAdminClusterRole", "rolebindingClusterAdminRole"],
        trivy: ["KSV-0111", "KSV111"],
        kubescape: ["C-0185", "C-0035"],
      },
    },
    messages: {
      clusterAdmin: "{{kind}} '{{name}}' binds the ClusterRole cluster-admin to {{subjects}}: {{scope}}",
      equivalent:
        "{{kind}} '{{name}}' binds {{roleKind}} '{{role}}' (line {{line}}), whose rules grant every verb on every resource, to {{subjects}}: {{scope}}",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacBinding(resource) || isBootstrapDefault(resource)) return;
        const ref = roleRefOf(resource);
        if (!ref.nameNode || !ref.name) return;
        const subs = subjectsOf(resource);
        const subjects = subs.length ? subs.map((s) => `${s.kind ?? "?"} '${s.name ?? "?"}'`).join(", ") : "no subject yet";
        const scope =
          resource.kind === "ClusterRoleBinding"
            ? "full control of the whole cluster. Bind a role with only the permissions needed."
            : `full control of namespace '${resource.namespace ?? "(the release or default namespace)"}', including its Secrets and RBAC. Bind a role with only the permissions needed.`;
        const base = { kind: resource.kind ?? "RoleBinding", name: resource.name ?? "(unnamed)", subjects, scope };
        if (ref.kind === "ClusterRole" && ref.name === "cluster-admin") {
          context.report({ node: ref.nameNode, messageId: "clusterAdmin", data: base });
          return;
        }
        // A role of the same file: ClusterRole by name; Role by name in the binding's namespace.
        const role = context.sourceCode.resources.find(
          (r) => isRbacRole(r) && r.kind === ref.kind && r.name === ref.name && (r.kind === "ClusterRole" || r.namespace === resource.namespace),
        );
        if (role && fullWildcard(role)) {
          context.report({
            node: ref.nameNode,
            messageId: "equivalent",
            data: { ...base, roleKind: role.kind ?? "Role", role: ref.name, line: context.sourceCode.getLoc(role.node).start.line },
          });
        }
      },
    };
  },
});
