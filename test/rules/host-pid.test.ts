import rule from "../../rules/host-pid.js";
import { runRuleTests } from "../rule-tester.js";

const list = `apiVersion: v1
kind: List
items:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata: {name: r}
    spec:
      template:
        spec:
          hostPID: on
          containers: [{name: a, image: "registry.example.com/a:1"}]
`;

runRuleTests(rule, {
  valid: [
    { name: "hostPID: false", code: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: false\n  containers: [{name: a, image: 'x:1'}]\n" },
    { name: "a Service named like a pod is not a workload", code: "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  hostPID: true\n" },
  ],
  invalid: [
    {
      name: "YAML 1.1 `on` inside a Rollout in a List",
      code: list,
      errors: [{ messageId: "shared", line: 10, column: 11, endLine: 10, endColumn: 22, suggestions: [{ messageId: "remove", output: list.replace("          hostPID: on\n", "") }] }],
      output: list.replace("          hostPID: on\n", ""),
    },
  ],
});
