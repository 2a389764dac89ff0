/**
 * @fileoverview `kubeguard --fix --preset all` over a copy of the whole ../shared/corpus (npm run
 * test:corpus). Asserts:
 *  1. every changed file re-parses with no more YAML errors than before, and no file with YAML
 *     errors was changed;
 *  2. every changed byte comes from a fix a rule declared: replaying ESLint's fix loop ourselves
 *     (verify → apply the declared `fix` ranges, non-overlapping, in order → repeat, ≤ 10 passes)
 *     with the CLI's own compiled configuration yields exactly the bytes the CLI wrote;
 *  3. a second `--fix` changes nothing;
 *  4. no fix makes a rule fire on an object where it did not fire before.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { compileConfig, defaultConfig } from "../../src/config/index.js";
import { fileKindOf, parseProgram } from "../../src/language/language.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "kubeguard.js");
const CORPUS = join(ROOT, "..", "shared", "corpus");

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; resource?: { kind: string | null; namespace: string | null; name: string | null; docIndex: number } | null }[];
}

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--max-semi-space-size=64", BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  expect(r.stderr).not.toMatch(/internal error/u);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.set(relative(dir, p), readFileSync(p, "latin1"));
    }
  };
  walk(dir);
  return out;
}

/** Findings per object: file | rule | kind/namespace/name#doc. */
function findingKeys(results: JsonResult[], dir: string): Set<string> {
  const keys = new Set<string>();
  for (const r of results) {
    for (const m of r.messages) {
      if (!m.ruleId || !m.resource?.kind) continue;
      keys.add(`${relative(dir, r.filePath)} | ${m.ruleId} | ${m.resource.kind}/${m.resource.namespace ?? ""}/${m.resource.name ?? ""}#${m.resource.docIndex}`);
    }
  }
  return keys;
}

const yamlErrors = (text: string): number => parseProgram(text.replace(/^\uFEFF/u, ""), "x.yaml").body.reduce((n, d) => n + d.errors.length, 0);

/** ESLint's fix loop, replayed: only declared fixes of rules, non-overlapping, in range order. */
function replayFixes(linter: Linter, config: Linter.Config[], text: string, filename: string): string {
  const bom = text.startsWith("\uFEFF");
  let current = bom ? text.slice(1) : text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = linter
      .verify(current, config, { filename })
      .filter((m) => m.ruleId !== null && m.fix)
      .map((m) => m.fix!)
      .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    if (!fixes.length) break;
    let out = "";
    let last = -Infinity;
    let pos = 0;
    for (const f of fixes) {
      if (f.range[0] <= last) continue; // overlaps the previous fix: next pass
      out += current.slice(pos, f.range[0]) + f.text;
      pos = f.range[1];
      last = f.range[1];
    }
    out += current.slice(pos);
    if (out === current) break;
    current = out;
  }
  return bom ? `\uFEFF${current}` : current;
}

describe.skipIf(!existsSync(CORPUS))("kubeguard --fix over the whole corpus", () => {
  it("writes only declared fixes, never breaks a file, is idempotent and creates no new finding", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-corpus-fix-"));
    cpSync(CORPUS, dir, { recursive: true });
    const before = snapshot(dir);

    const lintArgs = ["--preset", "all", "--format", "json", "--fail-on", "critical", "."];
    const beforeRun = cli(lintArgs, dir);
    const beforeKeys = findingKeys(JSON.parse(beforeRun.stdout) as JsonResult[], dir);

    const fix1 = cli(["--fix", ...lintArgs], dir);
    expect([0, 1]).toContain(fix1.status);
    const after = snapshot(dir);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort()); // no file created or removed
    expect(changed.length, "the corpus has fixable findings").toBeGreaterThan(10);

    // 1 + 2: per changed file.
    const linter = new Linter({ configType: "flat", cwd: dir });
    const config = compileConfig(defaultConfig(dir), { presets: ["all"], applyHardening: true }) as Linter.Config[];
    const problems: string[] = [];
    for (const rel of changed) {
      const original = Buffer.from(before.get(rel)!, "latin1").toString("utf8");
      const fixed = Buffer.from(after.get(rel)!, "latin1").toString("utf8");
      if (fileKindOf(rel) === "yaml") {
        const was = yamlErrors(original);
        if (was > 0) problems.push(`${rel}: had ${was} YAML error(s) but was written`);
        const now = yamlErrors(fixed);
        if (now > was) problems.push(`${rel}: ${now} YAML error(s) after --fix (was ${was})`);
      }
      const replayed = replayFixes(linter, config, original, join(dir, rel));
      if (replayed !== fixed) problems.push(`${rel}: the CLI wrote bytes that the declared fixes do not produce`);
    }

    // 3: idempotent.
    const fix2 = cli(["--fix", ...lintArgs], dir);
    expect([0, 1]).toContain(fix2.status);
    const again = snapshot(dir);
    for (const [rel, text] of again) if (text !== after.get(rel)) problems.push(`${rel}: changed again by a second --fix`);

    // 4: no new finding on any object.
    const afterRun = cli(lintArgs, dir);
    const afterKeys = findingKeys(JSON.parse(afterRun.stdout) as JsonResult[], dir);
    for (const k of afterKeys) if (!beforeKeys.has(k)) problems.push(`new finding after --fix: ${k}`);

    expect(problems).toEqual([]);
    expect(statSync(dir).isDirectory()).toBe(true);
    console.log(`corpus --fix: ${changed.length} files changed of ${before.size}; ${beforeKeys.size} object findings before, ${afterKeys.size} after`);
  });
});
