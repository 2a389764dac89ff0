/**
 * @fileoverview For credential rules: lint a fixture with one rule and assert the messages fire but
 * never contain the credential's text (messages say where a secret is, not what it is).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import { FIXTURES } from "../rule-tester.js";

export function itNeverPrintsSecrets(ruleId: string, fixture: string, secrets: string[], expectedCount: number): void {
  it(`${ruleId}: messages for invalid/${fixture} do not contain the credential`, () => {
    const code = readFileSync(join(FIXTURES, ruleId, "invalid", fixture), "utf8");
    for (const s of secrets) expect(code, "the fixture holds the secret").toContain(s);
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(
      code,
      [{ files: [(p: string) => p.length > 0], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { [`kubeguard/${ruleId}`]: "error" } }] as never,
      { filename: fixture },
    );
    expect(messages.filter((m) => m.ruleId === `kubeguard/${ruleId}`)).toHaveLength(expectedCount);
    for (const m of messages) for (const s of secrets) expect(m.message).not.toContain(s);
  });
}
