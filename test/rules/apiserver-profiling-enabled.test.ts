import rule from "../../rules/apiserver-profiling-enabled.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (tag: string, flags: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: kube-apiserver\n      image: registry.k8s.io/kube-apiserver:${tag}\n      command:\n        - kube-apiserver\n${flags}`;

runRuleTests(rule, {
  valid: [{ name: "Go bool literal 0", code: pod("v1.34.1", "        - --profiling=0\n") }],
  invalid: [
    {
      name: "'--profiling false' (space) is true: reported, not rewritten here",
      code: pod("v1.34.1", "        - --profiling\n        - \"false\"\n"),
      errors: [{ messageId: "spaceForm", line: 12, column: 11, endLine: 13, endColumn: 18 }],
      output: null,
    },
    {
      name: "last occurrence wins",
      code: pod("v1.34.1", "        - --profiling=false\n        - --profiling=true\n"),
      errors: [{ messageId: "present", line: 13, column: 11, endLine: 13, endColumn: 27 }],
      output: pod("v1.34.1", "        - --profiling=false\n        - --profiling=false\n"),
    },
  ],
});
