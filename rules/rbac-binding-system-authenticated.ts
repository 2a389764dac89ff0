/**
 * @fileoverview rbac-binding-system-authenticated: a binding that grants a role to the group
 * `system:authenticated` gives it to every user and every service account of the cluster (on GKE,
 * to any Google account). The bound role is resolved among the built-in roles and the roles of the
 * same file; harmless discovery roles are exempt, and so are the API server's own bootstrap
 * bindings. A role that is not in the file is reported with a message saying so (absent is not safe).
 */
import type { ResourceNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { grantOf, isRbacBinding, isRbacRole, policyRules, RBAC_GROUP, type Permission } from "./shared/_cluster-rbac.js";
import { isBootstrapDefault, removeSubjectEdit, roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";

/** Built-in ClusterRoles: what they grant (for the message), or null when harmless for all authenticated users. */
const BUILT_IN: Record<string, string | null> = {
  "cluster-admin": "every verb on every resource",
  admin: "full control of namespaced resources, Secrets and role bindings included",
  edit: "reading Secrets and changing pods and workloads",
  view: "reading pods, workloads, ConfigMaps and Services",
  "system:basic-user": null,
  "system:discovery": null,
  "system:public-info-viewer": null,
};

const ANY = ["*", "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "impersonate", "escalate", "bind"];
/** Resources whose access matters when granted to everyone (Kubescape C-0265's list). */
const SENSITIVE: Permission[] = [
  { verbs: ANY, groups: [""], resources: ["secrets", "pods", "pods/exec", "pods/attach", "pods/portforward", "nodes", "serviceaccounts/token"] },
  { verbs: ANY, groups: ["apps"], resources: ["deployments", "statefulsets", "daemonsets"] },
  { verbs: ANY, groups: ["batch"], resources: ["jobs", "cronjobs"] },
  { verbs: ANY, groups: [RBAC_GROUP], resources: ["roles", "clusterroles", "rolebindings", "clusterrolebindings"] },
];

/** The role a binding refers to, among the roles of the file (a Role only in the binding's namespace). */
function findRole(binding: ResourceNode, kind: string, name: string, all: readonly ResourceNode[]): ResourceNode | null {
  for (const r of all) {
    if (!isRbacRole(r) || r.kind !== kind || r.name !== name) continue;
    if (kind === "Role" && (r.namespace ?? null) !== (binding.namespace ?? null)) continue;
    return r;
  }
  return null;
}

export default createRule({
  name: "rbac-binding-system-authenticated",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow binding roles with sensitive access to the system:authenticated group",
      severity: "high",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-01011", "KSV01011"], kubescape: ["C-0265"] },
    },
    messages: {
      builtIn:
        "{{kind}} '{{name}}' subjects[{{index}}] grants the built-in ClusterRole '{{role}}' ({{grants}}) to the group system:authenticated: every user and service account of the cluster (on GKE, any Google account) gets it.",
      inFile:
        "{{kind}} '{{name}}' subjects[{{index}}] grants {{roleKind}} '{{role}}' (line {{line}}; it grants {{grants}}) to the group system:authenticated: every user and service account of the cluster (on GKE, any Google account) gets it.",
      unresolved:
        "{{kind}} '{{name}}' subjects[{{index}}] grants {{roleKind}} '{{role}}' to the group system:authenticated, i.e. to every user and service account of the cluster (on GKE, any Google account). The role is not in this file: check that it grants nothing sensitive, or bind it to the subjects that need it.",
      removeSubject: "Remove subjects[{{index}}] (system:authenticated).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(binding) {
        if (!isRbacBinding(binding) || isBootstrapDefault(binding)) return;
        const ref = roleRefOf(binding);
        const roleKind = ref.kind ?? "ClusterRole";
        const roleName = ref.name;
        if (!roleName) return;
        for (const s of subjectsOf(binding)) {
          if (s.kind !== "Group" || s.name !== "system:authenticated") continue;
          const base = { kind: binding.kind ?? "RoleBinding", name: binding.name ?? "(unnamed)", index: s.index, roleKind, role: roleName };
          let messageId: "builtIn" | "inFile" | "unresolved";
          let data: Record<string, string | number> = base;
          const role = findRole(binding, roleKind, roleName, context.sourceCode.resources);
          if (role) {
            const hits = new Set<string>();
            for (const rule of policyRules(role)) {
              const g = grantOf(rule, SENSITIVE, role.kind);
              if (g) for (const r of g.resources) hits.add(r);
            }
            if (!hits.size) continue;
            messageId = "inFile";
            data = { ...base, line: context.sourceCode.getLoc(role.node).start.line, grants: `access to ${[...hits].join(", ")}` };
          } else if (roleKind === "ClusterRole" && Object.prototype.hasOwnProperty.call(BUILT_IN, roleName)) {
            const grants = BUILT_IN[roleName];
            if (!grants) continue;
            messageId = "builtIn";
            data = { ...base, grants };
          } else {
            messageId = "unresolved";
          }
          const edit = removeSubjectEdit(context.sourceCode, binding, s.index);
          context.report({
            node: s.nameNode,
            messageId,
            data,
            suggest: edit ? [{ messageId: "removeSubject", data: { index: s.index }, fix: asFix(edit)! }] : null,
          });
        }
      },
    };
  },
});
