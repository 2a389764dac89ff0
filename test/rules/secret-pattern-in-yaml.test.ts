import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/secret-pattern-in-yaml.js";
import plugin from "../../src/eslint/index.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";

runRuleTests(rule);

/** The credential values written into the invalid fixtures of the three secret rules. */
const VALUES: Record<string, [string, string[]]> = {
  "secret-pattern-in-yaml": ["releases.yaml", ["Gr4fanaAdm1nPass", "L0kiPassw0rd", "PgPassw0rdInGit", "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AKIAIOSFODNN7EXAMPLE"]],
  "configmap-sensitive-content": ["grafana.yaml", ["Gr4fanaDbPass!", "Sup3rS3cretAdm1n", "aLongSmtpPassw0rd", "AKIAIOSFODNN7EXAMPLE"]],
  "secret-in-annotation": ["applied-secret.yaml", ["not-a-real-password-1234", "XXXXXXXXXXXXXXXXXXXXXXXX", "9f8e7d6c5b4a39281706f5e4"]],
};

describe("credential values never reach a message", () => {
  for (const [id, [file, values]] of Object.entries(VALUES)) {
    it(id, () => {
      const code = readFileSync(join(FIXTURES, id, "invalid", file), "utf8");
      for (const v of values) expect(code).toContain(v);
      const linter = new Linter({ configType: "flat" });
      const messages = linter.verify(
        code,
        [{ files: [(p: string) => p.length > 0], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { [`kubeguard/${id}`]: "error" } } as never],
        { filename: file },
      );
      expect(messages.length).toBeGreaterThan(0);
      const text = JSON.stringify(messages.map((m) => [m.message, m.suggestions?.map((s) => s.desc)]));
      for (const v of values) expect(text, `${id} leaks a value`).not.toContain(v);
    });
  }
});
