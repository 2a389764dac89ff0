import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/secret-manifest-committed.js";
import plugin from "../../src/eslint/index.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";

runRuleTests(rule);

describe("secret-manifest-committed never prints a secret value", () => {
  it("messages, data and fixes contain no value, encoded or decoded", () => {
    const code = readFileSync(join(FIXTURES, "secret-manifest-committed", "invalid", "db-credentials.yaml"), "utf8");
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      code,
      [{ files: [(p: string) => p.length > 0], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { "kubeguard/secret-manifest-committed": "error" } }] as never,
      { filename: "db-credentials.yaml" },
    );
    expect(messages).toHaveLength(2);
    const serialized = JSON.stringify(messages);
    for (const value of ["c2hvcA==", "czNjcjN0LXBhc3N3b3Jk", "not-a-real-token-but-still-a-value"]) {
      expect(serialized).not.toContain(value);
      expect(serialized).not.toContain(Buffer.from(value, "base64").toString("utf8"));
    }
    // The message names the keys, so a reader knows what to rotate.
    expect(messages[0]!.message).toContain("keys: username, password");
  });
});
