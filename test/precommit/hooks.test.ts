/**
 * @fileoverview .pre-commit-hooks.yaml declares what pre-commit needs (the real pre-commit run is
 * test/precommit/try-repo.slow.ts, `npm run test:precommit`), and the package ships what the hook's
 * `entry` needs after a git install: the bin and the compiled dist/ (built by `prepare`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "..", "..");

describe(".pre-commit-hooks.yaml", () => {
  const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

  it("declares kubeguard and kubeguard-fix as serial node hooks on YAML and JSON", () => {
    expect(hooks.map((h) => h.id)).toEqual(["kubeguard", "kubeguard-fix"]);
    for (const h of hooks) {
      expect(h).toMatchObject({ language: "node", types_or: ["yaml", "json"], require_serial: true });
      expect(h.pass_filenames).toBeUndefined(); // default true: the staged files are passed
      // The entry's executable is the package's bin.
      expect(Object.keys(pkg.bin)).toContain(String(h.entry).split(" ")[0]);
    }
    expect(hooks[1]!.entry).toBe("kubeguard --fix");
  });

  it("builds dist/ on a git install (prepare) and keeps npm pack's stdout clean for old pre-commit", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.files).toEqual(expect.arrayContaining(["bin", "dist"]));
    // bin/kubeguard.js starts the bundle npm run build made, else the compiled modules in dist/src.
    expect(readFileSync(join(ROOT, "bin", "kubeguard.js"), "utf8")).toContain("./load-cli.cjs");
    expect(readFileSync(join(ROOT, "bin", "load-cli.cjs"), "utf8")).toContain("../dist/src/cli/main.js");
    expect(pkg.scripts.build).toContain("node dist/src/tools/bundle-cli.js");
    expect(readFileSync(join(ROOT, ".npmrc"), "utf8")).toMatch(/^foreground-scripts=false$/mu);
  });
});
