import rule from "../../rules/unknown-field.js";
import { runRuleTests } from "../rule-tester.js";

/** A pod using `hostnameOverride` (added in Kubernetes 1.34) and `lifecycle.stopSignal` (1.33). */
const newFields = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostnameOverride: web-0\n  containers:\n    - name: a\n      image: nginx:1.27\n      lifecycle:\n        stopSignal: SIGTERM\n";
const at = (kubernetesVersion: string) => ({ kubeguard: { kubernetesVersion } });

const pod = (sc: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext:\n${sc}`;

runRuleTests(rule, {
  valid: [
    { name: "misplaced fields are left to misplaced-security-field", code: "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    readOnlyRootFilesystem: true\n  containers: [{name: a, image: 'nginx:1.27'}]\n" },
    { name: "a 1.34 field at kubernetesVersion 1.34", code: newFields, settings: at("1.34") },
    { name: "a 1.34 field at a newer version (nearest snapshot: 1.34)", code: newFields, settings: at("1.36") },
    { name: "a 1.34 field with the default version (1.34)", code: newFields },
    { name: "kustomize $patch directive", code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n$patch: delete\n" },
  ],
  invalid: [
    {
      name: "a 1.34 field at kubernetesVersion 1.33 (the 1.33 schema has no hostnameOverride)",
      code: newFields,
      settings: at("1.33"),
      errors: [{ messageId: "notInVersion", data: { path: "spec.hostnameOverride", name: "hostnameOverride", target: "1.33", versions: "1.34" }, line: 6, column: 3, endLine: 6, endColumn: 19 }],
      output: null,
    },
    {
      name: "1.33 and 1.34 fields at kubernetesVersion 1.27",
      code: newFields,
      settings: at("1.27"),
      errors: [
        { messageId: "notInVersion", data: { path: "spec.hostnameOverride", name: "hostnameOverride", target: "1.27", versions: "1.34" }, line: 6, column: 3, endLine: 6, endColumn: 19 },
        { messageId: "notInVersion", data: { path: "spec.containers[0].lifecycle.stopSignal", name: "stopSignal", target: "1.27", versions: "1.33, 1.34" }, line: 11, column: 9, endLine: 11, endColumn: 19 },
      ],
      output: null,
    },
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
