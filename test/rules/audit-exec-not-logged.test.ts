import rule from "../../rules/audit-exec-not-logged.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "a None rule for watch never sees exec (exec is create or get)",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    verbs: ["watch"]\n  - level: Metadata\n',
    },
  ],
  invalid: [
    {
      name: "'*/exec' None rule for one group of users",
      code: 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: None\n    userGroups: ["oncall"]\n    resources:\n      - group: ""\n        resources: ["*/exec"]\n  - level: Metadata\n',
      errors: [
        {
          messageId: "noneRule",
          data: { rule: 1, what: "pods/exec" },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: "insertMetadata",
              output:
                'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n    resources:\n      - group: ""\n        resources: ["pods/exec"]\n  - level: None\n    userGroups: ["oncall"]\n    resources:\n      - group: ""\n        resources: ["*/exec"]\n  - level: Metadata\n',
            },
          ],
        },
      ],
    },
  ],
});
