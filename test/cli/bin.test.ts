/**
 * @fileoverview Smoke test of the real executable: `node bin/kubeguard.js` (built first), its exit
 * codes and its stdout/stderr.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, project } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "kubeguard.js");

beforeAll(() => {
  // Emit dist/ (other parts of the tree may be mid-edit: tsc still emits, so ignore its status).
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.build.json")], { stdio: "ignore" });
  } catch {
    // Type errors elsewhere do not stop the emit.
  }
}, 120_000);

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
