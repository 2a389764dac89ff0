/**
 * @fileoverview Smoke test of the real executable: `node bin/kubeguard.js` (built first), its exit
 * codes and its stdout/stderr.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, project } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "kubeguard.js");

// dist/ (and the bundled CLI that bin/kubeguard.js starts) is built by the global setup
// (test/global-setup.ts); a tsc run here would make the bundle stale for the tests running beside.

const kubeguard = (cwd: string, args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("bin/kubeguard.js", () => {
  it("exits 1 with findings, 0 when clean, 2 on usage errors", () => {
    const dir = project({ ".kubeguard.yaml": "extends: []\nrules:\n  privileged-container: error\n", "web.yaml": fixture("privileged-deployment.yaml"), "svc.yaml": fixture("clean-service.yaml") });
    const bad = kubeguard(dir, ["web.yaml"]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("privileged-container");
    expect(kubeguard(dir, ["svc.yaml"]).status).toBe(0);
    const usage = kubeguard(dir, ["--nope"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("kubeguard: ");
    const stdin = kubeguard(dir, ["-f", "json", "-"], fixture("privileged-deployment.yaml"));
    expect(stdin.status).toBe(1);
    expect(JSON.parse(stdin.stdout)[0].filePath).toBe(join(dir, "stdin.yaml"));
  });
});
