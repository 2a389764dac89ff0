/**
 * @fileoverview The hooks under real pre-commit (`npm run test:precommit`; .ci/run installs Debian's
 * pre-commit): `pre-commit try-repo <snapshot> kubeguard --files …` fails on an insecure manifest
 * and passes on a clean one; `kubeguard-fix` rewrites the file and fails so it can be re-staged.
 *
 * The snapshot: `try-repo` on this working tree would see only committed files plus modified
 * *tracked* ones (its shadow commit uses `git add -u`), not new untracked files, so the test commits
 * the working tree's tracked and untracked, non-ignored files into a fresh repository. pre-commit
 * then installs the hook as it does for users: `npm install` in a clone (runs `prepare`, building
 * dist/), `npm pack`, `npm install -g` of the tarball. npm prefers its cache (filled by `npm ci`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasPreCommit) console.warn("pre-commit tests skipped: `pre-commit` is not installed (.ci/run installs Debian's package)");

const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 26 }).trim();

const INSECURE = `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: shell
      image: registry.example.com/shell:1.0
      securityContext:
        privileged: true
`;
const CLEAN = INSECURE.replace("privileged: true", "privileged: false");

describe.skipIf(!hasPreCommit)("pre-commit try-repo", () => {
  let snapshot: string;
  let work: string;
  let home: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), "kubeguard-precommit-"));
    snapshot = join(base, "kubeguard");
    work = join(base, "work");
    home = join(base, "pre-commit-home");
    mkdirSync(snapshot);
    mkdirSync(work);
    // Snapshot of the working tree (tracked + untracked, not ignored) as one commit.
    const files = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0").filter(Boolean);
    execFileSync("tar", ["-cf", join(base, "tree.tar"), "--null", "--ignore-failed-read", "-T", "-"], { cwd: ROOT, input: files.join("\0") });
    execFileSync("tar", ["-xf", join(base, "tree.tar")], { cwd: snapshot });
    git(snapshot, "init", "-q");
    git(snapshot, "add", "-A");
    git(snapshot, "-c", "user.email=ci@example.com", "-c", "user.name=CI", "commit", "-q", "-m", "snapshot");
    // The user's repository: only these rules, so the expectation does not move as rules are added.
    git(work, "init", "-q");
    writeFileSync(join(work, ".kubeguard.yaml"), "extends: []\nrules:\n  privileged-container: error\n");
    writeFileSync(join(work, "insecure.yaml"), INSECURE);
    writeFileSync(join(work, "clean.yaml"), CLEAN);
    git(work, "add", "-A");
  });

  const tryRepo = (hook: string, files: string[]) =>
    spawnSync("pre-commit", ["try-repo", snapshot, hook, "--files", ...files], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, PRE_COMMIT_HOME: home, npm_config_prefer_offline: "true", NO_COLOR: "1" },
      timeout: 900_000,
    });

  it("fails on an insecure manifest with the finding's position", () => {
    const r = tryRepo("kubeguard", ["insecure.yaml"]);
    expect(r.stdout + r.stderr).not.toContain("An unexpected error has occurred");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/kubeguard\.+Failed/u);
    expect(r.stdout).toMatch(/insecure\.yaml\n\s+10:9\s+critical\s+Container 'shell' runs privileged/u);
  });

  // try-repo installs into a throw-away store every time (~2 minutes here); the remaining cases use
  // a .pre-commit-config.yaml pinned to the snapshot's commit, installed once into PRE_COMMIT_HOME.
  const runHook = (hook: string, files: string[]) =>
    spawnSync("pre-commit", ["run", hook, "--files", ...files], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, PRE_COMMIT_HOME: home, npm_config_prefer_offline: "true", NO_COLOR: "1" },
      timeout: 900_000,
    });

  it("passes on a clean manifest (pre-commit run with a config pinned to the snapshot)", () => {
    writeFileSync(
      join(work, ".pre-commit-config.yaml"),
      `repos:\n  - repo: ${snapshot}\n    rev: ${git(snapshot, "rev-parse", "HEAD")}\n    hooks:\n      - id: kubeguard\n      - id: kubeguard-fix\n`,
    );
    const r = runHook("kubeguard", ["clean.yaml"]);
    expect(r.stdout + r.stderr).not.toContain("An unexpected error has occurred");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/kubeguard\.+Passed/u);
  });

  it("kubeguard-fix rewrites the file and fails so the change can be reviewed", () => {
    const r = runHook("kubeguard-fix", ["insecure.yaml"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/kubeguard \(fix\)\.+Failed/u);
    expect(r.stdout).toContain("files were modified by this hook");
    expect(readFileSync(join(work, "insecure.yaml"), "utf8")).toBe(CLEAN);
    // Fixed: the check hook passes now.
    expect(runHook("kubeguard", ["insecure.yaml"]).status).toBe(0);
  });
});
