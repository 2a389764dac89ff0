/**
 * @fileoverview The GitHub Action as the runner runs it: `node dist/action.js` from a copy of the
 * action's files *without node_modules* (the runner never installs dependencies), with INPUT_*
 * variables, a pull_request payload in GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT
 * files, in a temporary git repository with a base and a head commit. Also: the committed bundle
 * must be what esbuild builds from the current sources.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionBuildOptions } from "../../src/action/build.js";
import { multitool, validateSarif } from "../formatters/sarif-multitool.js";
import { HELM, TEST_PATH } from "../helm/tools.js";

const ROOT = join(import.meta.dirname, "..", "..");

describe("the committed bundle", () => {
  it("is what `npm run build:action` builds from the current sources", async () => {
    const { build } = await import("esbuild");
    const out = join(mkdtempSync(join(tmpdir(), "kubeguard-bundle-")), "action.js");
    await build(actionBuildOptions(out));
    const fresh = readFileSync(out);
    const committed = readFileSync(join(ROOT, "dist", "action.js"));
    expect(committed.equals(fresh), "dist/action.js is stale: run `npm run build:action` and commit dist/action.js").toBe(true);
  });

  it("is tracked by git while the rest of dist/ is ignored", () => {
    const ignored = (p: string): boolean => spawnSync("git", ["check-ignore", "-q", p], { cwd: ROOT }).status === 0;
    expect(ignored("dist/action.js")).toBe(false);
    expect(ignored("dist/src/cli/main.js")).toBe(true);
  });

  it("is declared by action.yml with node24", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8"));
    expect(action.runs).toEqual({ using: "node24", main: "dist/action.js" });
    expect(Object.keys(action.inputs)).toEqual([
      "paths",
      "config",
      "preset",
      "fail-on",
      "only-changed",
      "sarif-file",
      "annotations",
      "kubernetes-version",
      "helm-values",
      "helm-set",
      "helm-release",
      "helm-namespace",
    ]);
    for (const input of Object.values(action.inputs) as { description: string }[]) expect(input.description.length).toBeGreaterThan(10);
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(["critical", "high", "medium", "low", "info", "findings", "sarif-file"]));
  });
});

const CONFIG = `extends: []
rules:
  privileged-container: error
  run-as-non-root: error
  writable-root-filesystem: warn
`;

const deployment = (name: string, privileged: boolean): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.0
          securityContext:
            privileged: ${privileged}
`;

/** Copy of what the runner downloads for `uses: kubeguard/kubeguard@v1`, minus node_modules. */
let actionDir: string;
beforeAll(() => {
  actionDir = mkdtempSync(join(tmpdir(), "kubeguard-action-"));
  mkdirSync(join(actionDir, "dist"));
  mkdirSync(join(actionDir, "rules"));
  copyFileSync(join(ROOT, "action.yml"), join(actionDir, "action.yml"));
  copyFileSync(join(ROOT, "package.json"), join(actionDir, "package.json"));
  copyFileSync(join(ROOT, "dist", "action.js"), join(actionDir, "dist", "action.js"));
  for (const f of readdirSync(join(ROOT, "rules")).filter((n) => n.endsWith(".md"))) cpSync(join(ROOT, "rules", f), join(actionDir, "rules", f));
});

interface Repo {
  dir: string;
  base: string;
  head: string;
}

const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** A repository whose base commit has old.yaml (insecure) and whose head adds new.yaml and edits clean.yaml. */
function pullRequestRepo(): Repo {
  const dir = mkdtempSync(join(tmpdir(), "kubeguard-pr-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "ci@example.com");
  git(dir, "config", "user.name", "CI");
  mkdirSync(join(dir, "deploy"));
  writeFileSync(join(dir, ".kubeguard.yaml"), CONFIG);
  writeFileSync(join(dir, "deploy", "old.yaml"), deployment("old", true));
  writeFileSync(join(dir, "deploy", "clean.yaml"), deployment("clean", false).replace("            privileged: false\n", "            privileged: false\n            runAsNonRoot: true\n            readOnlyRootFilesystem: true\n"));
  writeFileSync(join(dir, "deploy", "gone.yaml"), deployment("gone", true));
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "base");
  const base = git(dir, "rev-parse", "HEAD");
  writeFileSync(join(dir, "deploy", "new.yaml"), deployment("new", true));
  writeFileSync(join(dir, "deploy", "clean.yaml"), `${readFileSync(join(dir, "deploy", "clean.yaml"), "utf8")}# reviewed\n`);
  git(dir, "rm", "-q", "deploy/gone.yaml");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "head");
  return { dir, base, head: git(dir, "rev-parse", "HEAD") };
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Run the bundle the way the runner does; inputs as INPUT_<NAME> (upper case, hyphens kept). */
function runAction(
  repo: Repo,
  inputs: Record<string, string>,
  event: object | null = { pull_request: { number: 7, base: { sha: repo.base }, head: { sha: repo.head } } },
  path: string = process.env.PATH ?? "",
): ActionRun {
  const tmp = mkdtempSync(join(tmpdir(), "kubeguard-runner-"));
  const summaryFile = join(tmp, "summary.md");
  const outputFile = join(tmp, "output.txt");
  writeFileSync(summaryFile, "");
  writeFileSync(outputFile, "");
  const env: Record<string, string> = {
    PATH: path,
    HOME: tmp,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_REPOSITORY: "octo/shop",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_SHA: repo.head,
    GITHUB_EVENT_NAME: event ? "pull_request" : "push",
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  if (event) {
    writeFileSync(join(tmp, "event.json"), JSON.stringify(event));
    env.GITHUB_EVENT_PATH = join(tmp, "event.json");
  }
  // Defaults as the runner fills them from action.yml.
  const action = parse(readFileSync(join(actionDir, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? "";
  const r = spawnSync(process.execPath, [join(actionDir, "dist", "action.js")], { cwd: repo.dir, env, encoding: "utf8", timeout: 120_000 });
  // GITHUB_OUTPUT uses name<<delimiter\nvalue\ndelimiter blocks.
  const outputs: Record<string, string> = {};
  const text = readFileSync(outputFile, "utf8");
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gmu)) outputs[m[1]!] = m[3]!;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, "utf8"), outputs };
}

describe("the action on a pull request", () => {
  it("annotates, summarises and fails on the changed files only (only-changed)", () => {
    const repo = pullRequestRepo();
    const r = runAction(repo, { "only-changed": "true" });
    const commands = r.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(commands).toEqual([
      "::error title=privileged-container (critical),file=deploy/new.yaml,line=13,endLine=13,col=13,endColumn=28::Container 'new' runs privileged: it gets every capability and access to all host devices. (Deployment/shop/new)",
      "::error title=run-as-non-root (high),file=deploy/new.yaml,line=9,endLine=9,col=7,endColumn=16::runAsNonRoot is set neither in the pod securityContext nor in container 'new': the image's USER decides, which is root (UID 0) when the image sets none. (Deployment/shop/new)",
      "::warning title=writable-root-filesystem (medium),file=deploy/new.yaml,line=10,endLine=10,col=11,endColumn=19::Container 'new' does not set securityContext.readOnlyRootFilesystem: when absent the root filesystem is writable. (Deployment/shop/new)",
      "::error::kubeguard: 2 findings at or above high",
    ]);
    expect(r.status).toBe(1);
    expect(r.outputs).toMatchObject({ critical: "1", high: "1", medium: "1", low: "0", info: "0", findings: "3", suppressed: "0", files: "2" });
    expect(r.outputs["sarif-file"]).toBe(join(repo.dir, "kubeguard.sarif"));
    // The summary: counts, then every reported finding with links to the line and the rule doc.
    expect(r.summary).toContain("<h2>kubeguard</h2>");
    expect(r.summary).toContain("3 findings in 2 changed files of the pull request.");
    expect(r.summary).toContain("<tr><td>1</td><td>1</td><td>1</td><td>0</td><td>0</td></tr>");
    expect(r.summary).toContain(
      `<tr><td>critical</td><td><a href="https://github.com/octo/shop/blob/${repo.head}/deploy/new.yaml#L13">deploy/new.yaml:13:13</a></td><td><a href="https://github.com/kubeguard/kubeguard/blob/main/rules/privileged-container.md">privileged-container</a></td><td>Deployment/shop/new</td><td>Container 'new' runs privileged`,
    );
    expect(r.summary).not.toContain("old.yaml");
    // The SARIF covers every linted file (code scanning closes alerts missing from an upload).
    const sarif = JSON.parse(readFileSync(join(repo.dir, "kubeguard.sarif"), "utf8"));
    const uris = new Set(sarif.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(["deploy/new.yaml", "deploy/old.yaml"]);
    const tool = multitool();
    if ("reason" in tool) console.warn(`SARIF Multitool validation skipped: ${tool.reason}`);
    else expect(validateSarif(tool.path, [join(repo.dir, "kubeguard.sarif")]).filter((p) => p.level !== "note")).toEqual([]);
  });

  it("reports every file without only-changed, honours fail-on and the annotation cap", () => {
    const repo = pullRequestRepo();
    const all = runAction(repo, { "fail-on": "critical", annotations: "1" });
    const commands = all.stdout.split("\n").filter((l) => l.startsWith("::"));
    // One annotation per type: the most severe error and the first warning.
    expect(commands.filter((l) => l.startsWith("::error title="))).toEqual([expect.stringMatching(/^::error title=privileged-container \(critical\),file=deploy\/new.yaml,line=13,/u)]);
    expect(commands.filter((l) => l.startsWith("::warning "))).toHaveLength(1);
    expect(all.outputs).toMatchObject({ critical: "2", high: "2", medium: "2", findings: "6", files: "3" });
    expect(all.summary).toContain("6 findings in 3 files. 2 shown as annotations (GitHub shows at most 1 per type per step); all are listed here.");
    expect(all.summary.match(/<tr><td>(critical|high|medium)<\/td>/gu)).toHaveLength(6);
    expect(commands.at(-1)).toBe("::error::kubeguard: 2 findings at or above critical");
    expect(all.status).toBe(1);

    const none = runAction(repo, { "fail-on": "none", "sarif-file": "" });
    expect(none.status).toBe(0);
    expect(none.outputs.findings).toBe("6");
    expect(none.outputs["sarif-file"]).toBeUndefined();
  });

  it("passes on a pull request that changes only clean files", () => {
    const repo = pullRequestRepo();
    writeFileSync(join(repo.dir, "deploy", "clean.yaml"), `${readFileSync(join(repo.dir, "deploy", "clean.yaml"), "utf8")}# again\n`);
    git(repo.dir, "commit", "-q", "-am", "clean only");
    const head = git(repo.dir, "rev-parse", "HEAD");
    const r = runAction({ ...repo, base: repo.head, head }, { "only-changed": "true" });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/^::(error|warning|notice)/mu);
    expect(r.outputs).toMatchObject({ findings: "0", files: "1" });
    expect(r.summary).toContain("0 findings in 1 changed file of the pull request.");
  });

  it("falls back to every file, with a warning, when the base commit is not in the clone", () => {
    const repo = pullRequestRepo();
    const r = runAction({ ...repo, base: "0".repeat(40) }, { "only-changed": "true", "fail-on": "none" });
    expect(r.stdout).toMatch(/^::warning::only-changed: cannot diff 000000000000\.\.\.[0-9a-f]{12} .*fetch-depth: 0.*Reporting every file\.$/mu);
    expect(r.outputs.findings).toBe("6");
    expect(r.status).toBe(0);
  });

  it("fails with exit status 1 and a message on bad inputs", () => {
    const repo = pullRequestRepo();
    const bad = runAction(repo, { "fail-on": "severe" });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain("::error::fail-on: expected one of critical, high, medium, low, info or none, got 'severe'");
    const missing = runAction(repo, { paths: "nowhere" });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("::error::kubeguard failed (exit status 2): kubeguard: no such file or directory: nowhere");
  });
});

describe.skipIf(!HELM)("the action on a Helm chart", () => {
  it("renders the chart with the helm inputs and annotates the template line", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-chart-"));
    git(dir, "init", "-q", "-b", "main");
    git(dir, "config", "user.email", "ci@example.com");
    git(dir, "config", "user.name", "CI");
    cpSync(join(ROOT, "fixtures", "helm", "web"), join(dir, "web"), { recursive: true });
    writeFileSync(join(dir, ".kubeguard.yaml"), "extends: []\nrules:\n  privileged-container: error\n");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "chart");
    const head = git(dir, "rev-parse", "HEAD");
    const repo = { dir, base: head, head };
    const insecure = runAction(repo, { paths: "web", "sarif-file": "", "helm-release": "shop" }, null, TEST_PATH);
    expect(insecure.status, insecure.stderr).toBe(1);
    expect(insecure.stdout).toMatch(/::error [^\n]*file=web\/templates\/deployment\.yaml,line=\d+/u);
    expect(insecure.outputs.critical).toBe("1");
    const hardened = runAction(repo, { paths: "web", "sarif-file": "", "helm-set": "securityContext.privileged=false" }, null, TEST_PATH);
    expect(hardened.status, hardened.stderr).toBe(0);
    expect(hardened.outputs.critical).toBe("0");
  });
});
