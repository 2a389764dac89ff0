import rule from "../../rules/apiserver-token-auth-file.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.33.2\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "no static tokens", code: pod("        - --secure-port=6443\n") }],
  invalid: [
    {
      name: "underscore spelling, reported on the last occurrence; suggestion deletes both",
      code: pod("        - --token_auth_file=/a.csv\n        - --secure-port=6443\n        - --token-auth-file=/b.csv\n"),
      errors: [
        {
          messageId: "present",
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 35,
          suggestions: [{ messageId: "fix", output: pod("        - --secure-port=6443\n") }],
        },
      ],
    },
  ],
});
