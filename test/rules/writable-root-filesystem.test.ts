import rule from "../../rules/writable-root-filesystem.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (container: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${container}`;

runRuleTests(rule, {
  valid: [
    { name: "quoted \"false\" is a string (the API server rejects the object)", code: pod('    - name: a\n      image: nginx:1.27\n      securityContext:\n        readOnlyRootFilesystem: "false"\n') },
    { name: "a Service has no containers", code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n" },
  ],
  invalid: [
    {
      name: "ephemeral container without a name pair is reported at its first pair",
      code: pod("    - name: a\n      image: nginx:1.27\n      securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n    - image: busybox:1.36\n      stdin: true\n"),
      errors: [
        {
          messageId: "absent",
          data: { containerKind: "Ephemeral container", name: "#0" },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 26,
          suggestions: [
            {
              messageId: "setTrue",
              output: pod("    - name: a\n      image: nginx:1.27\n      securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n    - image: busybox:1.36\n      stdin: true\n      securityContext:\n        readOnlyRootFilesystem: true\n"),
            },
          ],
        },
      ],
      output: pod("    - name: a\n      image: nginx:1.27\n      securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n    - image: busybox:1.36\n      stdin: true\n      securityContext:\n        readOnlyRootFilesystem: true\n"),
    },
    {
      name: "anchored securityContext reused by an alias: report only",
      code: pod("    - name: a\n      image: nginx:1.27\n      securityContext: &sc\n        runAsNonRoot: true\n    - name: b\n      image: nginx:1.27\n      securityContext: *sc\n"),
      errors: [
        { messageId: "absent", line: 7, column: 7, endLine: 7, endColumn: 14 },
        { messageId: "absent", line: 11, column: 7, endLine: 11, endColumn: 14 },
      ],
      output: null,
    },
  ],
});
