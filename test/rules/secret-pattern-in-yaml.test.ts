import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import rule from "../../rules/secret-pattern-in-yaml.js";
import plugin from "../../src/eslint/index.js";
import { FIXTURES, runRuleTests } from "../rule-tester.js";
import { credentialFormat, FORMAT_HINT, VALUE_FORMATS } from "../../rules/shared/_secrets-scan.js";

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

describe("credential formats", () => {
  // One example of each format (made-up values of the documented shapes).
  const EXAMPLES: Record<string, string> = {
    "a PEM private key": "-----BEGIN RSA PRIVATE KEY-----\nMIIEow",
    "a base64-encoded PEM private key": "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t",
    "an AWS access key id": "key AKIAIOSFODNN7EXAMPLE here",
    "a GitHub token": "ghp_0123456789abcdefghijABCDEFGHIJ012345",
    "a GitLab token": "glpat-0123456789abcdefghij",
    "a Google API key": "AIzaSyA0123456789abcdefghijklmnopqrstuv",
    "a Slack token": "xoxb-123456-abcdefABCDEF",
    "a Slack webhook URL": "https://hooks.slack.com/services/T0000/B0000/abcdefghijklmnop1234",
    "a Stripe secret key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "a SendGrid API key": `SG.${"a".repeat(22)}.${"b".repeat(43)}`,
    "a JSON Web Token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36P",
    "a password in a URL": "postgres://app:Pg5ecr3tPw@db.internal:5432/app",
  };

  it("every format is found, and the one-scan hint admits each of them", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(VALUE_FORMATS.map(([label]) => label).sort());
    for (const [label, re] of VALUE_FORMATS) {
      const text = EXAMPLES[label]!;
      expect(re.test(text), label).toBe(true);
      expect(FORMAT_HINT.test(text), label).toBe(true);
      expect(credentialFormat(text), label).toBe(label);
    }
  });

  it("the hint is a literal part of every format's pattern", () => {
    // Each format's source must contain one alternative of the hint (so no match can avoid it).
    const parts = FORMAT_HINT.source.split("|").map((p) => p.replace(/\\/gu, ""));
    for (const [label, re] of VALUE_FORMATS) {
      const src = re.source.replace(/\\/gu, "");
      expect(parts.some((p) => src.includes(p)), label).toBe(true);
    }
  });

  it("ordinary strings are not credentials", () => {
    for (const s of ["registry.example.com/app:1.2.0", "--log-level=info", "https://example.com/path", "a sentence with several words"]) {
      expect(credentialFormat(s)).toBeNull();
    }
  });
});
