import rule from "../../rules/rbac-binding-anonymous.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  invalid: [
    {
      name: "message names the binding, the subject and the role",
      code: "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: anon}\nsubjects: [{kind: User, name: system:anonymous}]\nroleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}\n",
      errors: [
        {
          messageId: "anonymous",
          data: { kind: "ClusterRoleBinding", name: "anon", index: 0, subjectKind: "User", subject: "system:anonymous", roleKind: "ClusterRole", role: "view" },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 47,
        },
      ],
    },
  ],
});
