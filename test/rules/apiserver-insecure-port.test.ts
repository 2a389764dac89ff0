import rule from "../../rules/apiserver-insecure-port.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [
    { name: "1.19 with --insecure-port=0", code: pod("v1.19.16", "        - --insecure-port=0\n") },
    { name: "1.22 with --port=0", code: pod("v1.22.17", "        - --port=0\n") },
    { name: "no image tag: settings say 1.23 and 0 is accepted", code: pod("latest", "        - --insecure-port=0\n"), settings: { kubeguard: { kubernetesVersion: "1.23" } } },
  ],
  invalid: [
    {
      name: "1.21 with a non-zero port: the server refuses it",
      code: pod("v1.21.14", "        - --insecure-port=8080\n"),
      errors: [{ messageId: "present", line: 12, column: 11, endLine: 12, endColumn: 31 }],
      output: pod("v1.21.14", ""),
    },
    {
      name: "no image tag: default version 1.34 (flag removed)",
      code: pod("latest", "        - --insecure-port=0\n        - --secure-port=6443\n"),
      errors: [{ messageId: "present", line: 12, column: 11, endLine: 12, endColumn: 28 }],
      output: pod("latest", "        - --secure-port=6443\n"),
    },
  ],
});
