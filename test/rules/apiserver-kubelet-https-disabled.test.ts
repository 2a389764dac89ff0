import rule from "../../rules/apiserver-kubelet-https-disabled.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "'--kubelet-https false' (space) is true", code: pod("v1.18.20", "        - --kubelet-https\n        - false\n") }],
});
