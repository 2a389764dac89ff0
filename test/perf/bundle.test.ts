/**
 * @fileoverview The bundled CLI (dist/kubeguard.cjs with V8's code cache, made by `npm run build`
 * and by the global setup; started by bin/load-cli.cjs): it gives exactly the output of the
 * compiled modules in dist/src, it is used only while fresh, and its code cache is accepted. No
 * timing here: `npm run bench` measures the cold start.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
// One snapshot of the build (timestamps kept: freshness is decided by them), so a rebuild of
// dist/ by another process cannot change what the compared runs execute.
const SNAPSHOT = mkdtempSync(join(tmpdir(), "kubeguard-bundle-"));
for (const part of ["bin", "dist", "package.json"]) cpSync(join(ROOT, part), join(SNAPSHOT, part), { recursive: true, preserveTimestamps: true });
symlinkSync(join(ROOT, "node_modules"), join(SNAPSHOT, "node_modules"), "dir");

function run(args: string[], bundle: boolean): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, KUBEGUARD_NO_BUNDLE: bundle ? "0" : "1" };
  const r = spawnSync(process.execPath, [join(SNAPSHOT, "bin", "kubeguard.js"), ...args], { cwd: ROOT, env, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What bin/load-cli.cjs decides in a fresh process: loaded from the bundle, cache accepted. */
function probe(root: string): { bundled: boolean; cacheRejected: boolean | null } {
  const code = `const b = require(${JSON.stringify(join(root, "bin", "load-cli.cjs"))}).loadBundle();
process.stdout.write(JSON.stringify({ bundled: !!b, cacheRejected: b ? b.cacheRejected : null }));`;
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8", env: { ...process.env, KUBEGUARD_NO_BUNDLE: "0" } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { bundled: boolean; cacheRejected: boolean | null };
}

describe("bundled CLI", () => {
  it("is built with a code cache that V8 accepts", () => {
    expect(statSync(join(SNAPSHOT, "dist", "kubeguard.cjs")).size).toBeGreaterThan(1_000_000);
    expect(statSync(join(SNAPSHOT, "dist", "kubeguard.cjs.cache")).size).toBeGreaterThan(100_000);
    expect(probe(SNAPSHOT)).toEqual({ bundled: true, cacheRejected: false });
  });

  it("reports exactly what dist/src reports (json, sarif, stylish; worker threads)", () => {
    const files = readdirSync(join(ROOT, "fixtures", "rules"))
      .filter((id) => /^[a-c]/u.test(id))
      .flatMap((id) => {
        const dir = join(ROOT, "fixtures", "rules", id, "invalid");
        try {
          return readdirSync(dir).filter((f) => /\.ya?ml$/u.test(f) && !/\.(fixed|suggested\.\d+)\.ya?ml$/u.test(f)).map((f) => join(dir, f));
        } catch {
          return [];
        }
      })
      .slice(0, 240);
    expect(files.length).toBeGreaterThan(150); // enough for two chunks of ≤ 100 files: two workers
    for (const args of [
      ["--preset", "all", "-f", "json", "--concurrency", "2", ...files],
      ["--preset", "all", "-f", "sarif", "--concurrency", "off", ...files.slice(0, 40)],
      ["examples"],
    ]) {
      const bundled = run(args, true);
      const plain = run(args, false);
      expect(bundled.code).toBe(1);
      expect(bundled.stdout.length).toBeGreaterThan(1000);
      expect(bundled).toEqual(plain);
    }
  });

  it("is not used once dist/src is newer (a tsc build since), nor when it is missing", () => {
    const copy = mkdtempSync(join(tmpdir(), "kubeguard-bundle-stale-"));
    mkdirSync(join(copy, "bin"));
    mkdirSync(join(copy, "dist", "src", "cli"), { recursive: true });
    copyFileSync(join(SNAPSHOT, "bin", "load-cli.cjs"), join(copy, "bin", "load-cli.cjs"));
    cpSync(join(SNAPSHOT, "dist", "src", "cli", "main.js"), join(copy, "dist", "src", "cli", "main.js"), { preserveTimestamps: true });
    expect(probe(copy).bundled).toBe(false); // no bundle
    for (const f of ["kubeguard.cjs", "kubeguard.cjs.cache"]) cpSync(join(SNAPSHOT, "dist", f), join(copy, "dist", f), { preserveTimestamps: true });
    expect(probe(copy).bundled).toBe(true);
    const later = new Date(statSync(join(copy, "dist", "kubeguard.cjs")).mtimeMs + 5000);
    utimesSync(join(copy, "dist", "src", "cli", "main.js"), later, later);
    expect(probe(copy).bundled).toBe(false);
  });
});
