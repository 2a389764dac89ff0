import rule from "../../rules/apiserver-anonymous-auth-enabled.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:v1.30.4\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "YAML 1.1-style Go bool 0", code: pod("        - --anonymous-auth=0\n") },
    { name: "not a Kubernetes object", code: "command: [kube-apiserver]\n" },
    { name: "kubelet flags are another rule's", code: pod("        - --authorization-mode=Node,RBAC\n").replace(/kube-apiserver/gu, "kubelet") },
  ],
  invalid: [
    {
      name: "bare bool flag means true",
      code: pod("        - --anonymous-auth\n        - --authorization-mode=Node,RBAC\n"),
      errors: [
        {
          messageId: "enabled",
          line: 12,
          column: 11,
          endLine: 12,
          endColumn: 27,
          suggestions: [{ messageId: "setFalse", output: pod("        - --anonymous-auth=false\n        - --authorization-mode=Node,RBAC\n") }],
        },
      ],
    },
    {
      name: "space form `--anonymous-auth false` sets true (pflag bool), no suggestion",
      code: pod("        - --anonymous-auth\n        - \"false\"\n"),
      errors: [{ messageId: "spaceForm", line: 12, column: 11, endLine: 13, endColumn: 18 }],
    },
    {
      name: "flow command list",
      code: pod("").replace("      command:\n        - kube-apiserver\n", "      command: [kube-apiserver, --secure-port=6443]\n"),
      errors: [
        {
          messageId: "absent",
          line: 10,
          column: 16,
          endLine: 10,
          endColumn: 52,
          suggestions: [
            {
              messageId: "setFalse",
              output: pod("").replace("      command:\n        - kube-apiserver\n", "      command: [kube-apiserver, --secure-port=6443, --anonymous-auth=false]\n"),
            },
          ],
        },
      ],
    },
  ],
});
