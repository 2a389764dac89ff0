import rule from "../../rules/apiserver-admission-eventratelimit-missing.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  invalid: [
    {
      name: "legacy --admission-control: no --enable-admission-plugins suggestion (mutually exclusive)",
      code: pod("v1.18.20", "        - --admission-control=NamespaceLifecycle,NodeRestriction\n"),
      errors: [{ messageId: "absent", line: 11, column: 9, endLine: 13, endColumn: 1 }],
    },
  ],
});
