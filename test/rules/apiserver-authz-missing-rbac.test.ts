import rule from "../../rules/apiserver-authz-missing-rbac.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "list flag appends across occurrences", code: pod("v1.34.1", "        - --authorization-mode=Node\n        - --authorization-mode=RBAC\n") }],
  invalid: [
    {
      name: "absent: suggestion sets Node,RBAC",
      code: pod("v1.34.1", "        - --secure-port=6443\n"),
      errors: [{ messageId: "absent", line: 11, column: 9, endLine: 13, endColumn: 1, suggestions: [{ messageId: "fix", output: pod("v1.34.1", "        - --secure-port=6443\n        - --authorization-mode=Node,RBAC\n") }] }],
    },
  ],
});
