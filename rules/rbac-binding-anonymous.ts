/**
 * @fileoverview rbac-binding-anonymous: a binding whose subjects include the user
 * system:anonymous or the group system:unauthenticated grants the role to every unauthenticated
 * request.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { isRbacBinding } from "./shared/_cluster-rbac.js";
import { isBootstrapDefault, removeSubjectEdit, roleRefOf, subjectsOf } from "./shared/_cluster-bindings.js";

export default createRule({
  name: "rbac-binding-anonymous",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow bindings to system:anonymous and system:unauthenticated",
      severity: "critical",
      presets: ["recommended"],
      equivalents: { trivy: ["KSV-0122", "KSV122"], kubescape: ["C-0262"], kubesec: ["BindingsToSystemAnonymous"] },
    },
    messages: {
      anonymous:
        "{{kind}} '{{name}}' subjects[{{index}}] is {{subjectKind}} '{{subject}}': {{roleKind}} '{{role}}' is granted to every request that reaches the API server without credentials.",
      removeSubject: "Remove subjects[{{index}}] ({{subject}}).",
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
          const anonymous = (s.kind === "User" && s.name === "system:anonymous") || (s.kind === "Group" && (s.name === "system:unauthenticated" || s.name === "system:anonymous"));
          if (!anonymous) continue;
          const edit = removeSubjectEdit(context.sourceCode, resource, s.index);
          const data = { kind: resource.kind ?? "RoleBinding", name: resource.name ?? "(unnamed)", index: s.index, subjectKind: s.kind ?? "", subject: s.name ?? "", roleKind: ref.kind ?? "role", role: ref.name ?? "(unnamed)" };
          context.report({
            node: s.nameNode,
            messageId: "anonymous",
            data,
            suggest: edit ? [{ messageId: "removeSubject", data: { index: s.index, subject: s.name ?? "" }, fix: asFix(edit)! }] : null,
          });
        }
      },
    };
  },
});
