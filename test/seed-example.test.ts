/**
 * The seed example: an Ansible/Jinja-templated EncryptionConfiguration with `identity` first and an
 * unrendered `{{ … }}` key. It must lint through ESLint's own Linter with the kubeguard plugin
 * without a crash or any stderr output, report both problems at the right lines, and `--fix` must
 * produce a file that re-parses, keeps its comments and no longer has identity first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter } from "eslint";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import plugin from "../src/eslint/index.js";
import { parseProgram } from "../src/language/language.js";

const SEED = `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
  - resources:
      - secrets
    providers:
      - identity: {}
      - aescbc:
          keys:
            - name: key1
              secret: {{ encryption_key | b64encode }}
`;

const SEED_28_BYTES = SEED.replace("{{ encryption_key | b64encode }}", "c2VjcmV0IGlzIHNlY3VyZSwgb3IgaXMgaXQ/Cg==");

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "rules");

function config(applyHardening: boolean): Linter.Config[] {
  return [
    {
      files: ["**/*.yaml"],
      plugins: { kubeguard: plugin as never },
      language: "kubeguard/k8s",
      settings: { kubeguard: { applyHardening } },
      rules: {
        "kubeguard/enc-identity-first": "error",
        "kubeguard/enc-key-length": "error",
        "kubeguard/valid-yaml": "error",
      },
    } as Linter.Config,
  ];
}

describe("seed example: templated EncryptionConfiguration", () => {
  const stderr: string[] = [];
  beforeEach(() => {
    stderr.length = 0;
    vi.spyOn(process, "emitWarning").mockImplementation(((w: string | Error) => {
      stderr.push(String(w));
    }) as typeof process.emitWarning);
    vi.spyOn(console, "warn").mockImplementation((...a: unknown[]) => {
      stderr.push(a.join(" "));
    });
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => {
      stderr.push(a.join(" "));
    });
    vi.spyOn(process.stderr, "write").mockImplementation(((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    }) as typeof process.stderr.write);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is a verbatim fixture of both rules", () => {
    expect(readFileSync(join(FIXTURES, "enc-identity-first", "invalid", "seed-example.yaml"), "utf8")).toBe(SEED);
    expect(readFileSync(join(FIXTURES, "enc-key-length", "invalid", "seed-example.yaml"), "utf8")).toBe(SEED);
    expect(readFileSync(join(FIXTURES, "enc-key-length", "invalid", "seed-example-28-bytes.yaml"), "utf8")).toBe(SEED_28_BYTES);
  });

  it("reports identity first (line 7) and the unrendered template key (line 11), silently", () => {
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(SEED, config(false), { filename: "encryption-config.yaml" });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    const identity = messages.filter((m) => m.ruleId === "kubeguard/enc-identity-first");
    expect(identity).toHaveLength(1);
    expect(identity[0]).toMatchObject({ line: 7, column: 9 });
    expect(SEED.split("\n")[6]).toBe("      - identity: {}");
    const key = messages.filter((m) => m.ruleId === "kubeguard/enc-key-length");
    expect(key).toHaveLength(1);
    expect(key[0]).toMatchObject({ line: 11, column: 23, endLine: 11, endColumn: 55 });
    expect(key[0]!.message).toContain("secret is a YAML mapping, not a base64 string: this looks like an unrendered template placeholder ({{ … }})");
    expect(messages.filter((m) => m.ruleId === "kubeguard/valid-yaml")).toEqual([]);
    expect(stderr.join("\n")).not.toContain("Keys with collection values will be stringified");
    expect(stderr).toEqual([]);
  });

  it("flags a 28-byte aescbc key without printing it", () => {
    const linter = new Linter({ configType: "flat" });
    const messages = linter.verify(SEED_28_BYTES, config(false), { filename: "encryption-config.yaml" });
    const key = messages.filter((m) => m.ruleId === "kubeguard/enc-key-length");
    expect(key).toHaveLength(1);
    expect(key[0]).toMatchObject({ line: 11, column: 23 });
    expect(key[0]!.message).toContain("decodes to 28 bytes; aescbc needs 16, 24 or 32");
    expect(key[0]!.message).not.toContain("c2VjcmV0");
    expect(stderr).toEqual([]);
  });

  it("--fix moves identity last; the output re-parses, keeps comments and passes the rule", () => {
    const commented = `# Rendered by the ansible role kube-control-plane (template: encryption-config.yaml.j2)\n${SEED.replace(
      "      - identity: {}\n",
      "      # identity stays until every Secret is rewritten\n      - identity: {} # plaintext reads\n",
    )}`;
    for (const input of [SEED, commented]) {
      const linter = new Linter({ configType: "flat" });
      const result = linter.verifyAndFix(input, config(true), { filename: "encryption-config.yaml" });
      expect(result.fixed).toBe(true);
      const program = parseProgram(result.output, "encryption-config.yaml");
      expect(program.body.flatMap((d) => d.errors)).toEqual([]);
      for (const comment of input.match(/#.*$/gmu) ?? []) expect(result.output).toContain(comment);
      expect(result.messages.filter((m) => m.ruleId === "kubeguard/enc-identity-first")).toEqual([]);
      // The template key is still reported: there is no fix for it.
      expect(result.messages.filter((m) => m.ruleId === "kubeguard/enc-key-length")).toHaveLength(1);
      expect(result.output.trimEnd().endsWith("- identity: {}") || result.output.trimEnd().endsWith("- identity: {} # plaintext reads")).toBe(true);
    }
    expect(stderr).toEqual([]);
  });
});
