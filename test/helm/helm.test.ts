/**
 * @fileoverview Chart folders rendered with the real helm: findings point at the template line
 * (and values.yaml key); `helm template … | kubeguard -` gives the same findings; suppression
 * comments written in templates work; shell metacharacters in paths are plain arguments; a
 * missing helm is a clear error and the rest of the run goes on; fixes never touch rendered output.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../cli/helpers.js";
import { HELM, ROOT, TEST_ENV } from "./tools.js";

const CHARTS = join(ROOT, "fixtures", "helm");
const WEB = join(CHARTS, "web");
const TEMPLATE = join(WEB, "templates", "deployment.yaml");
/** What `--fix` adds to web's template: the literal sidecar securityContext's fixes and the pod's token setting after it. */
const FIXED_WEB_LINES = ["            readOnlyRootFilesystem: true", "            capabilities:", "              drop: [ALL]", "      automountServiceAccountToken: false"];

interface Msg {
  ruleId: string;
  message: string;
  line: number;
  source?: { file: string; line: number; column: number; exact?: boolean; note?: string; values?: { file: string; key: string; line: number; exact: boolean } };
}
interface Res {
  filePath: string;
  messages: Msg[];
  suppressedMessages: Msg[];
}
const json = (s: string): Res[] => JSON.parse(s) as Res[];
const find = (rs: Res[], rule: string): Msg[] => rs.flatMap((r) => r.messages.filter((m) => m.ruleId === rule));
/** What a person sees: rule, message, and where to edit. */
const edits = (rs: Res[]): string[] =>
  rs
    .flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message} @ ${m.source?.file}:${m.source?.line}:${m.source?.column} ${m.source?.values ? `${m.source.values.key}@${m.source.values.line}` : ""}`))
    .sort();

describe("without helm", () => {
  it("reports a clear error for a chart folder and still lints the other paths", async () => {
    const other = join(ROOT, "fixtures", "kustomize", "base", "deployment.yaml");
    const r = await run(ROOT, [WEB, other, "--format", "json"], "", { PATH: "/nonexistent" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot render the chart .*web: helm is not on PATH; install helm .*--helm-bin/u);
    const results = json(r.stdout);
    expect(results.map((x) => x.filePath)).toEqual([other]);
    expect(find(results, "host-network")).toHaveLength(1);
  });

  it("says when --helm-bin is not an executable", async () => {
    const r = await run(ROOT, [WEB, "--helm-bin", "/nonexistent/helm"], "", TEST_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--helm-bin /nonexistent/helm is not an executable file");
  });
});

describe.skipIf(!HELM)("with the real helm", () => {
  if (!HELM) console.warn("test/helm: helm not found on PATH or in ~/go/bin; skipping (.ci/run installs it)");

  it("points each finding at the template line a person edits, and at the values.yaml key", async () => {
    const r = await run(ROOT, [WEB, "--format", "json"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const results = json(r.stdout);
    expect(results).toHaveLength(1);
    // Literal key in the template.
    const hostPid = find(results, "host-pid");
    expect(hostPid).toHaveLength(1);
    expect(hostPid[0]!.source).toEqual({ file: TEMPLATE, line: 17, column: 7, exact: true });
    expect(readFileSync(TEMPLATE, "utf8").split("\n")[16]).toBe("      hostPID: true");
    // Inserted by `toYaml .Values.securityContext`: the toYaml line, and the key in values.yaml.
    const priv = find(results, "privileged-container");
    expect(priv).toHaveLength(1);
    expect(priv[0]!.source).toMatchObject({ file: TEMPLATE, line: 26, exact: true, values: { file: join(WEB, "values.yaml"), key: "securityContext.privileged", line: 8, exact: true } });
    expect(readFileSync(join(WEB, "values.yaml"), "utf8").split("\n")[7]).toBe("  privileged: true");
    // Inside `with .Values.podSecurityContext`: `.` is that values path.
    const root = find(results, "run-as-user-root");
    expect(root[0]!.source).toMatchObject({ line: 20, values: { key: "podSecurityContext.runAsUser", line: 11 } });
    // Every message has a source inside the chart.
    for (const m of results[0]!.messages) expect(m.source?.file.startsWith(WEB)).toBe(true);
  });

  it("SARIF and GitHub annotations point at the template", async () => {
    const sarif = JSON.parse((await run(ROOT, [WEB, "--format", "sarif"], "", TEST_ENV)).stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const hostPid = sarif.runs[0]!.results.find((r) => r.ruleId === "host-pid")!;
    expect(hostPid.locations[0]!.physicalLocation).toMatchObject({ artifactLocation: { uri: "fixtures/helm/web/templates/deployment.yaml" }, region: { startLine: 17 } });
    const github = (await run(ROOT, [WEB, "--format", "github"], "", TEST_ENV)).stdout;
    expect(github).toMatch(/^::error title=host-pid \(high\),file=fixtures\/helm\/web\/templates\/deployment\.yaml,line=17,/mu);
    expect(github).not.toContain("rendered.yaml");
  });

  it("honours a suppression comment written in the template", async () => {
    const results = json((await run(ROOT, [WEB, "--format", "json"], "", TEST_ENV)).stdout);
    const suppressed = results[0]!.suppressedMessages.filter((m) => m.ruleId === "privilege-escalation-allowed");
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.source).toMatchObject({ file: TEMPLATE, line: 32 });
    // The web container's finding (no comment above it) is still reported.
    expect(find(results, "privilege-escalation-allowed").map((m) => m.source?.line)).toEqual([23]);
  });

  it("gives the same findings for `helm template … | kubeguard -`", async () => {
    const chartRun = json((await run(ROOT, [WEB, "--format", "json"], "", TEST_ENV)).stdout);
    const rendered = execFileSync(HELM!, ["template", "release-name", "web"], { cwd: CHARTS, encoding: "utf8" });
    expect(rendered).toContain("# Source: web/templates/deployment.yaml");
    const stdinRun = await run(CHARTS, ["-", "--format", "json"], rendered, TEST_ENV);
    expect(stdinRun.code).toBe(1);
    const a = edits(chartRun);
    expect(a.length).toBeGreaterThan(5);
    expect(edits(json(stdinRun.stdout))).toEqual(a);
  });

  it("passes --helm-values, --helm-set, --helm-release and --helm-namespace to helm", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-helm-"));
    writeFileSync(join(dir, "safe.yaml"), "securityContext:\n  privileged: false\n");
    const r = await run(ROOT, [WEB, "--helm-values", join(dir, "safe.yaml"), "--helm-set", "podSecurityContext.runAsUser=1000", "--helm-release", "prod", "--helm-namespace", "shop", "--format", "json"], "", TEST_ENV);
    const results = json(r.stdout);
    expect(find(results, "privileged-container")).toEqual([]);
    expect(find(results, "run-as-user-root")).toEqual([]);
    const msg = results[0]!.messages.find((m) => m.ruleId === "host-pid") as Msg & { resource: { name: string; namespace: string } };
    expect(msg.resource).toMatchObject({ name: "prod-web" });
  });

  it("treats shell metacharacters in paths as plain arguments (no shell)", async () => {
    const base = mkdtempSync(join(tmpdir(), "kubeguard-helm-"));
    const weird = join(base, "we b;touch PWNED&$(touch PWNED2)`touch PWNED3`'\"");
    cpSync(WEB, weird, { recursive: true });
    const r = await run(base, [weird, "--helm-set", "x=$(touch PWNED4);touch PWNED5", "--format", "json"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    const results = json(r.stdout);
    expect(find(results, "host-pid")[0]!.source?.file).toBe(join(weird, "templates", "deployment.yaml"));
    expect(readdirSync(base)).toEqual([readdirSync(base).find((n) => n.startsWith("we b"))]);
    expect(existsSync(join(ROOT, "PWNED"))).toBe(false);
  });

  it("shows helm's stderr when the chart does not render", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-helm-"));
    cpSync(WEB, join(dir, "web"), { recursive: true });
    writeFileSync(join(dir, "web", "templates", "broken.yaml"), 'kind: ConfigMap\ndata:\n  x: {{ required "dbPassword is required" .Values.dbPassword }}\n');
    const plain = join(ROOT, "fixtures", "kustomize", "base", "deployment.yaml");
    const r = await run(dir, ["web", plain, "--format", "json"], "", TEST_ENV);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot render the chart .*web: .*helm template release-name .*exit code 1\n.*dbPassword is required/su);
    expect(json(r.stdout).map((x) => x.filePath)).toEqual([plain]);
  });

  it("--fix never writes rendered output or values; only literal template text (test/helm/template-fix.test.ts)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kubeguard-helm-"));
    cpSync(WEB, join(dir, "web"), { recursive: true });
    const before = readFileSync(join(dir, "web", "templates", "deployment.yaml"), "utf8");
    const r = await run(dir, ["web", "--fix"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    const after = readFileSync(join(dir, "web", "templates", "deployment.yaml"), "utf8");
    // The literal `hostPID: true` line goes; lines are added after the sidecar's literal securityContext.
    expect(after).toBe(`${before.replace("      hostPID: true\n", "")}${FIXED_WEB_LINES.join("\n")}\n`);
    expect(readFileSync(join(dir, "web", "values.yaml"), "utf8")).toBe(readFileSync(join(WEB, "values.yaml"), "utf8"));
    expect(readdirSync(join(dir, "web")).sort()).toEqual(["Chart.yaml", "templates", "values.yaml"]);
  });

  it("lints a chart from the shared corpus and maps its findings into the chart", async (ctx) => {
    const chart = join(ROOT, "..", "shared", "corpus", "helm-rendered", "stakater__Reloader", "deployments", "kubernetes", "chart", "reloader");
    if (!existsSync(chart)) ctx.skip();
    const r = await run(ROOT, [chart, "--format", "json", "--preset", "all"], "", TEST_ENV);
    expect(r.stderr).toBe("");
    const results = json(r.stdout);
    const messages = results.flatMap((x) => x.messages);
    expect(messages.length).toBeGreaterThan(0);
    const exact = messages.filter((m) => m.source?.exact);
    for (const m of messages) expect(m.source?.file.startsWith(chart)).toBe(true);
    // An exact line is a line of the template that names the reported key (never a wrong line).
    for (const m of exact) {
      const line = readFileSync(m.source!.file, "utf8").split("\n")[m.source!.line - 1]!;
      expect(line.trim().length, `${m.ruleId} → ${m.source!.file}:${m.source!.line}`).toBeGreaterThan(0);
    }
    expect(exact.length / messages.length).toBeGreaterThan(0.5);
  });
});
