/**
 * @fileoverview Robustness floor: kubeguard lints every file of ../shared/corpus (4,130 real files:
 * manifests, rendered Helm, cluster configuration, deliberately tricky YAML) without a crash and
 * without exit code 2, with every rule enabled. Every message has an exact range.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const CORPUS = join(ROOT, "..", "shared", "corpus");

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; endLine?: number; endColumn?: number; fatal?: boolean; message: string }[];
}

describe.skipIf(!existsSync(CORPUS))("the shared corpus", () => {
  it("lints every file without a crash or exit 2 (preset all)", { timeout: 600_000 }, () => {
    const r = spawnSync(
      process.execPath,
      ["--max-semi-space-size=64", join(ROOT, "bin", "kubeguard.js"), "--preset", "all", "--format", "json", "--fail-on", "critical", CORPUS],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 },
    );
    expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|Maximum call stack/u);
    expect(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr.slice(0, 2000)}`).toBe(true);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.length).toBeGreaterThan(3000);
    const fatal = results.flatMap((res) => res.messages.filter((m) => m.fatal).map((m) => `${res.filePath}: ${m.message}`));
    expect(fatal).toEqual([]);
    for (const res of results) {
      for (const m of res.messages) {
        expect(m.line, `${res.filePath}: ${m.message}`).toBeGreaterThan(0);
        expect(m.column).toBeGreaterThan(0);
      }
    }
  });
});
