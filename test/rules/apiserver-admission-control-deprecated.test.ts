import rule from "../../rules/apiserver-admission-control-deprecated.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  invalid: [
    {
      name: "combined with --enable-admission-plugins: no rename offered",
      code: pod("v1.19.16", "        - --admission-control=NodeRestriction\n        - --enable-admission-plugins=PodSecurityPolicy\n"),
      errors: [{ messageId: "deprecated", line: 12, column: 11, endLine: 12, endColumn: 46, suggestions: [] }],
    },
  ],
});
