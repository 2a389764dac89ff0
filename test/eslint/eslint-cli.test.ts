/**
 * @fileoverview The plugin under the real `eslint` CLI, in a temp project that imports
 * `kubeguard/eslint` from its own eslint.config.js: same findings as kubeguard's own CLI,
 * suppression comments in both spellings, and presets scoped with `files`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const ESLINT_BIN = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
let dir = "";

interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

function runEslint(args: string[]): { status: number | null; results: EslintResult[]; stderr: string } {
  const r = spawnSync(process.execPath, [ESLINT_BIN, "--format", "json", ...args], { cwd: dir, encoding: "utf8" });
  return { status: r.status, results: r.stdout ? (JSON.parse(r.stdout) as EslintResult[]) : [], stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kubeguard-eslint-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "kubeguard"), "dir");
  symlinkSync(join(ROOT, "node_modules", "eslint"), join(dir, "node_modules", "eslint"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", type: "module", private: true }));
  writeFileSync(
    join(dir, "eslint.config.js"),
    [
      'import kubeguard from "kubeguard/eslint";',
      "export default [",
      "  kubeguard.configs.recommended,",
      '  { files: ["**/*.yaml"], plugins: { kubeguard }, language: "kubeguard/k8s",',
      '    rules: { "kubeguard/privileged-container": "error" } },',
      '  { files: ["**/*.js"], rules: { "no-unused-vars": "error" } },',
      "];",
      "",
    ].join("\n"),
  );
  copyFileSync(join(ROOT, "fixtures", "rules", "privileged-container", "invalid", "daemonset-cni.yaml"), join(dir, "daemonset.yaml"));
  writeFileSync(
    join(dir, "suppressed.yaml"),
    [
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      "  name: debug",
      "spec:",
      "  containers:",
      "    - name: a",
      "      image: busybox:1.36",
      "      securityContext:",
      "        # eslint-disable-next-line kubeguard/privileged-container -- node debugging pod",
      "        privileged: true",
      "    - name: b",
      "      image: busybox:1.36",
      "      securityContext:",
      "        privileged: true # kubeguard-disable-line privileged-container -- same",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "index.js"), "const unused = 1;\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("real eslint CLI with kubeguard/eslint", () => {
  it("reports kubeguard findings at exact positions and exits 1", () => {
    const { status, results, stderr } = runEslint(["daemonset.yaml"]);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    const msgs = results[0]!.messages.filter((m) => m.ruleId === "kubeguard/privileged-container");
    expect(msgs.map((m) => [m.line, m.column, m.endLine, m.endColumn])).toEqual([
      [21, 13, 21, 29],
      [26, 13, 26, 28],
    ]);
  });

  it("honours both suppression spellings", () => {
    const { results } = runEslint(["suppressed.yaml"]);
    const msgs = results[0]!.messages;
    expect(msgs.filter((m) => m.ruleId === "kubeguard/privileged-container" || m.ruleId === null)).toEqual([]);
    // The other recommended rules still report on the same pod.
    expect(msgs.some((m) => m.ruleId === "kubeguard/run-as-non-root")).toBe(true);
  });

  it("leaves JavaScript files to JavaScript rules (configs scoped with files)", () => {
    const { results } = runEslint(["index.js"]);
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(["no-unused-vars"]);
  });

  it("--fix does not apply hardening (it is a suggestion in ESLint)", () => {
    const r = spawnSync(process.execPath, [ESLINT_BIN, "--fix-dry-run", "--format", "json", "daemonset.yaml"], { cwd: dir, encoding: "utf8" });
    const results = JSON.parse(r.stdout) as (EslintResult & { output?: string })[];
    expect(results[0]!.output).toBeUndefined();
  });

  it("gives the same findings as the kubeguard CLI", () => {
    const eslint = runEslint(["daemonset.yaml", "suppressed.yaml"]).results;
    let kubeguardOut = "";
    try {
      kubeguardOut = execFileSync(process.execPath, [join(ROOT, "bin", "kubeguard.js"), "--format", "json", "daemonset.yaml", "suppressed.yaml"], {
        cwd: dir,
        encoding: "utf8",
      });
    } catch (err) {
      kubeguardOut = (err as { stdout: string }).stdout;
    }
    const kg = JSON.parse(kubeguardOut) as EslintResult[];
    const key = (rs: EslintResult[], strip: boolean): string[] =>
      rs
        .flatMap((r) => r.messages.map((m) => `${r.filePath.split("/").pop()}:${m.line}:${m.column}:${strip ? (m.ruleId ?? "").replace(/^kubeguard\//u, "") : m.ruleId}`))
        .sort();
    expect(key(kg, false)).toEqual(key(eslint, true));
    expect(key(kg, false).length).toBeGreaterThan(0);
  });
});
