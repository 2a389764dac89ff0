import rule from "../../rules/privilege-escalation-allowed.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (container: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { name: "quoted \"false\" is a string (API rejects the object)", code: pod('    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: "true"\n') },
    { name: "windows pod via flow os", code: "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a, image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022'}]\n" },
  ],
  invalid: [
    {
      name: "key written with no value (null): the fix keeps a space after the colon",
      code: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation:\n"),
      errors: [
        {
          messageId: "absent",
          data: { containerKind: "Container", name: "a" },
          line: 10,
          column: 9,
          endLine: 10,
          endColumn: 34,
          suggestions: [{ messageId: "setFalse", output: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n") }],
        },
      ],
      output: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n"),
    },
    {
      name: "securityContext: with nothing under it",
      code: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n"),
      errors: [
        {
          messageId: "absent",
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 14,
          suggestions: [{ messageId: "setFalse", output: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n") }],
        },
      ],
      output: pod("    - name: a\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n"),
    },
    {
      name: "securityContext from a merge key: report only (a new key would replace the merged map)",
      code: "x-defaults: &sc\n  securityContext:\n    runAsNonRoot: true\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - <<: {securityContext: {runAsNonRoot: true}}\n      name: a\n      image: nginx:1.27\n",
      errors: [{ messageId: "absent", line: 12, column: 7, endLine: 12, endColumn: 14 }],
      output: null,
    },
    {
      name: "a tab at the start of a line (inside a block scalar): report only",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    args:\n    - |\n      set -e\n      \tmake all\n",
      errors: [{ messageId: "absent", line: 7, column: 5, endLine: 7, endColumn: 12 }],
      output: null,
    },
  ],
});
