import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import rule from "../../rules/valid-yaml.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    { name: "empty file", code: "" },
    { name: "comments only", code: "# nothing here yet\n" },
  ],
  invalid: [
    {
      name: "unknown alias",
      code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: *missing\n",
      errors: [{ messageId: "syntaxError", data: { doc: 1, message: "Aliased anchor not found: missing", code: "BAD_ALIAS" }, line: 5, column: 11, endLine: 5, endColumn: 19 }],
    },
  ],
});

describe("valid-yaml: a broken document does not stop the others", () => {
  it("lints the first and third documents of a stream whose middle document is broken", () => {
    const code = [
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: one\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {privileged: true}\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: two\n spec: {}\n",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: three\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext: {privileged: true}\n",
    ].join("---\n");
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      code,
      [
        {
          files: ["**/*.yaml"],
          plugins: { kubeguard: plugin },
          language: "kubeguard/k8s",
          rules: { "kubeguard/valid-yaml": "error", "kubeguard/privileged-container": "error" },
        },
      ] as unknown as Linter.Config[],
      { filename: "stream.yaml" },
    );
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ["kubeguard/privileged-container", 9, 25],
      ["kubeguard/valid-yaml", 15, 1],
      ["kubeguard/privileged-container", 25, 25],
    ]);
  });
});
