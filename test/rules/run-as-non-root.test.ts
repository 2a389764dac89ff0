import rule from "../../rules/run-as-non-root.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "no containers", code: "apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: t\ntemplate:\n  spec: {}\n" },
    {
      name: "hostUsers: false with kubernetesVersion v1.36.1",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostUsers: false\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: a\n      image: nginx:1.27\n",
      settings: { kubeguard: { kubernetesVersion: "v1.36.1" } },
    },
  ],
  invalid: [
    {
      name: "pod false and a container false: two reports, fixes do not overlap",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: false\n",
      errors: [
        {
          messageId: "podFalse",
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: "setPodTrue",
              output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: false\n",
            },
          ],
        },
        {
          messageId: "containerFalse",
          data: { containerKind: "Container", name: "a" },
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 28,
          suggestions: [
            {
              messageId: "setContainerTrue",
              output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n",
            },
          ],
        },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n        runAsNonRoot: true\n",
    },
    {
      name: "quoted \"true\" at pod level is a string, not a boolean: rewritten as true",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: \"true\"\n  containers:\n    - name: a\n      image: nginx:1.27\n",
      errors: [
        {
          messageId: "unset",
          data: { containers: "container 'a'" },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 18,
          suggestions: [
            {
              messageId: "setPodTrue",
              output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n",
            },
          ],
        },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: a\n      image: nginx:1.27\n",
    },
  ],
});
