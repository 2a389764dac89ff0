import rule from "../../rules/apiserver-audit-log-maxage.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "not an integer: the server refuses to start (not this rule's finding)", code: pod("v1.34.1", "        - --audit-log-maxage=7d\n") }],
});
