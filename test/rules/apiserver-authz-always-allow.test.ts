import rule from "../../rules/apiserver-authz-always-allow.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.30.4\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "AlwaysDeny is not AlwaysAllow", code: pod("        - --authorization-mode=Node,RBAC,AlwaysDeny\n") },
    { name: "a kube-scheduler without the flag is another component", code: pod("        - --bind-address=127.0.0.1\n").replace(/kube-apiserver/gu, "kube-scheduler") },
  ],
  invalid: [
    {
      name: "slices append: AlwaysAllow in a second occurrence",
      code: pod("        - --authorization-mode=Node\n        - --authorization-mode=AlwaysAllow,RBAC\n"),
      errors: [
        {
          messageId: "alwaysAllow",
          line: 13,
          column: 11,
          endLine: 13,
          endColumn: 48,
          suggestions: [{ messageId: "removeAlwaysAllow", output: pod("        - --authorization-mode=Node\n        - --authorization-mode=RBAC\n") }],
        },
      ],
    },
  ],
});
