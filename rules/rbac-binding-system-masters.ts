/**
 * @fileoverview rbac-binding-system-masters: binding the group system:masters is pointless (the
 * group bypasses RBAC entirely) and shows that certificates with O=system:masters are in use.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { isRbacBinding } from "./shared/_cluster-rbac.js";
import { isBootstrapDefault, removeSubjectEdit, roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";

export default createRule({
  name: "rbac-binding-system-masters",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bindings whose subject is the group system:masters",
      severity: "medium",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0123", "KSV123"], kubescape: ["C-0246"] },
    },
    messages: {
      masters:
        "{{kind}} '{{name}}' subjects[{{index}}] is the group system:masters: members bypass RBAC (and every webhook authorizer) whatever is bound, and cannot be revoked except by rotating the cluster CA. Binding {{roleKind}} '{{role}}' to it changes nothing; issue identities in another group.",
      removeSubject: "Remove subjects[{{index}}] (system:masters).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isRbacBinding(resource) || isBootstrapDefault(resource)) return;
        const ref = roleRefOf(resource);
        for (const s of subjectsOf(resource)) {
          if (s.kind !== "Group" || s.name !== "system:masters") continue;
          const edit = removeSubjectEdit(context.sourceCode, resource, s.index);
          context.report({
            node: s.nameNode,
            messageId: "masters",
            data: { kind: resource.kind ?? "RoleBinding", name: resource.name ?? "(unnamed)", index: s.index, roleKind: ref.kind ?? "role", role: ref.name ?? "(unnamed)" },
            suggest: edit ? [{ messageId: "removeSubject", data: { index: s.index }, fix: asFix(edit)! }] : null,
          });
        }
      },
    };
  },
});
