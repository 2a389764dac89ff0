/**
 * @fileoverview rbac-binding-default-serviceaccount: permissions bound to a namespace's `default`
 * ServiceAccount go to every pod of that namespace that does not name another account.
 */
import { createRule } from "../src/rule.js";
import { isRbacBinding } from "./shared/_cluster-rbac.js";
import { isBootstrapDefault, roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";

export default createRule({
  name: "rbac-binding-default-serviceaccount",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bindings to the default ServiceAccount",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_42"], kubescape: ["C-0189", "C-0239"] },
    },
    messages: {
      defaultSa:
        "{{kind}} '{{name}}' subjects[{{index}}] is the ServiceAccount 'default'{{ns}}: {{roleKind}} '{{role}}' goes to every pod of that namespace that sets no serviceAccountName. Create a dedicated ServiceAccount and bind that.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacBinding(resource) || isBootstrapDefault(resource)) return;
        const ref = roleRefOf(resource);
        for (const s of subjectsOf(resource)) {
          if (s.kind !== "ServiceAccount" || s.name !== "default") continue;
          const ns = s.namespace ?? (resource.kind === "RoleBinding" ? resource.namespace : null);
          context.report({
            node: s.nameNode,
            messageId: "defaultSa",
            data: {
              kind: resource.kind ?? "RoleBinding",
              name: resource.name ?? "(unnamed)",
              index: s.index,
              ns: ns ? ` of namespace '${ns}'` : "",
              roleKind: ref.kind ?? "role",
              role: ref.name ?? "(unnamed)",
            },
          });
        }
      },
    };
  },
});
