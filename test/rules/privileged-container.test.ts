import rule from "../../rules/privileged-container.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "no securityContext (default false)", code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n" },
    { name: "not a Kubernetes object", code: "privileged: true\n" },
  ],
  invalid: [
    {
      name: "CronJob template, flow style",
      code: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: b, image: 'busybox:1.36', securityContext: {privileged: on}}]\n",
      errors: [
        {
          messageId: "privileged",
          line: 10,
          column: 75,
          endLine: 10,
          endColumn: 89,
          suggestions: [
            {
              messageId: "setFalse",
              output: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: b, image: 'busybox:1.36', securityContext: {privileged: false}}]\n",
            },
          ],
        },
      ],
      output: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: backup}\nspec:\n  schedule: '0 1 * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: b, image: 'busybox:1.36', securityContext: {privileged: false}}]\n",
    },
  ],
});
