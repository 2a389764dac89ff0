import rule from "../../rules/unknown-field.js";
import { runRuleTests } from "../rule-tester.js";

const pod = (sc: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n${sc}`;

runRuleTests(rule, {
  valid: [
    { name: "misplaced fields are left to misplaced-security-field", code: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    readOnlyRootFilesystem: true\n  containers: [{name: a, image: 'nginx:1.27'}]\n" },
    { name: "kustomize $patch directive", code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n$patch: delete\n" },
  ],
  invalid: [
    {
      name: "several close candidates: no rename",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      livenessProbe:\n        httpGet:\n          path: /healthz\n          post: 8080\n",
      errors: [{ messageId: "unknownGuesses", data: { path: "spec.containers[0].livenessProbe.httpGet.post", name: "post", guesses: "'host', 'port'", security: "" }, line: 12, column: 11, endLine: 12, endColumn: 15 }],
      output: null,
    },
    {
      name: "the right name already exists next to the typo: no rename",
      code: pod("        runAsNonRoot: false\n        runAsNonroot: true\n"),
      errors: [{ messageId: "unknownGuess", line: 11, column: 9, endLine: 11, endColumn: 21 }],
      output: null,
    },
    {
      name: "a key inside an anchored map that an alias reuses: report only (no rename)",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext: &psc\n    runAsNonroot: true\n  containers: [{name: a, image: 'nginx:1.27'}]\n  overhead: *psc\n",
      errors: [{ messageId: "unknownGuess", line: 7, column: 5, endLine: 7, endColumn: 17 }],
      output: null,
    },
  ],
});
