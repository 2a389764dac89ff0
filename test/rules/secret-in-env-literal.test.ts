import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import rule, { sensitiveName, words } from "../../rules/secret-in-env-literal.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "numbers and booleans are not credentials; helm templates are not rendered values",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: registry.example.com/a:1.0.0\n      env:\n        - name: PASSWORD_MIN_LENGTH\n          value: \"12\"\n        - name: API_TOKEN\n          value: \"{{ .Values.apiToken }}\"\n        - name: SECRET_ROTATION_DAYS\n          value: \"30\"\n",
    },
  ],
});

describe("secret-in-env-literal never prints the value", () => {
  it("messages contain the variable name but none of the literal values", () => {
    const file = join(FIXTURES, "secret-in-env-literal", "invalid", "deployment-literals.yaml");
    const code = readFileSync(file, "utf8");
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      code,
      [{ files: [(p: string) => p.length > 0], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { "kubeguard/secret-in-env-literal": "error" } }] as never,
      { filename: "deployment-literals.yaml" },
    );
    expect(messages.length).toBe(5);
    const values = ["AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "hunter2", "0f8a7c1e9d", "ghp_0123456789"];
    for (const m of messages) for (const v of values) expect(m.message).not.toContain(v);
    expect(messages.map((m) => m.message).join("\n")).toContain("AWS_SECRET_ACCESS_KEY");
  });

  it("splits names into words and honours trailing non-secret words", () => {
    expect(words("dbPassword")).toEqual(["db", "password"]);
    expect(words("DB_PASSWORD_FILE")).toEqual(["db", "password", "file"]);
    expect(sensitiveName("DB_PASSWORD", new Set())).toBe(true);
    expect(sensitiveName("DB_PASSWORD_FILE", new Set())).toBe(false);
    expect(sensitiveName("OPENAI_API_KEY", new Set())).toBe(true);
    expect(sensitiveName("KEYCLOAK_URL", new Set())).toBe(false);
    expect(sensitiveName("MONKEY_MODE", new Set())).toBe(false);
    expect(sensitiveName("AZURE_STORAGE_ACCOUNT_KEY", new Set())).toBe(true);
    expect(sensitiveName("LICENSE_PIN", new Set(["pin"]))).toBe(true);
  });
});
