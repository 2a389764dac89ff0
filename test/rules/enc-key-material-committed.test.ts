import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../src/eslint/index.js";
import rule from "../../rules/enc-key-material-committed.js";
import { runRuleTests } from "../rule-tester.js";

// Fixture cases: their files lie inside this repository's Git work tree.
runRuleTests(rule);

const CONFIG = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - secretbox:
          keys:
            - name: key1
              secret: 5jzBf9KRguqtVgn5laIZGONL9isdFA9MxEPynFDx1bI=
      - identity: {}
`;

describe("enc-key-material-committed outside and inside a work tree", () => {
  const root = mkdtempSync(join(tmpdir(), "kubeguard-enc-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const lint = (dir: string): Linter.LintMessage[] => {
    const linter = new Linter({ configType: "flat", cwd: root });
    return linter.verify(
      CONFIG,
      [{ files: ["**/*.yaml"], plugins: { kubeguard: plugin }, language: "kubeguard/k8s", rules: { "kubeguard/enc-key-material-committed": "error" } }] as never,
      { filename: join(dir, "encryption-config.yaml") },
    );
  };

  it("does not report a file outside any work tree (e.g. /etc/kubernetes/enc)", () => {
    const dir = join(root, "etc", "kubernetes", "enc");
    mkdirSync(dir, { recursive: true });
    expect(lint(dir)).toEqual([]);
  });

  it("reports a file in a fresh Git repository (git init), without printing the key", () => {
    const repo = join(root, "infra");
    mkdirSync(join(repo, "cluster", "enc"), { recursive: true });
    try {
      execFileSync("git", ["init", "-q", repo], { stdio: "ignore" });
    } catch {
      mkdirSync(join(repo, ".git")); // git not installed: a bare marker is what the rule looks for
    }
    const messages = lint(join(repo, "cluster", "enc"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: "kubeguard/enc-key-material-committed", line: 10, column: 23, endLine: 10, endColumn: 67 });
    expect(messages[0]!.message).toContain("inside a Git work tree");
    expect(messages[0]!.message).not.toContain("5jzBf9KR");
  });
});
