import rule from "../../rules/apiserver-insecure-bind-address.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "absent", code: pod("v1.34.1", "        - --secure-port=6443\n") },
    { name: "1.19 on ::1", code: pod("v1.19.16", "        - --insecure-bind-address=::1\n") },
  ],
  invalid: [
    {
      name: "1.22: no effect, reported as dead configuration that breaks the upgrade to 1.24",
      code: pod("v1.22.17", "        - --secure-port=6443\n        - --address=0.0.0.0\n"),
      errors: [{ messageId: "present", line: 13, column: 11, endLine: 13, endColumn: 28 }],
      output: pod("v1.22.17", "        - --secure-port=6443\n"),
    },
  ],
});
