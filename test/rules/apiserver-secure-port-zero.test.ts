import rule from "../../rules/apiserver-secure-port-zero.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "6443", code: pod("v1.34.1", "        - --secure-port=6443\n") }],
});
