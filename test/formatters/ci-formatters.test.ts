/**
 * @fileoverview The CI formatters (sarif, github, junit, compact) through the real CLI, several
 * formats in one run, GITHUB_ACTIONS auto-selection, SARIF fingerprint stability, and every SARIF
 * produced here validated by Microsoft's SARIF Multitool with GitHub's ingestion rules.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { project, read, run } from "../cli/helpers.js";
import { multitool, validateSarif } from "./sarif-multitool.js";

/** Only these rules run, so the expectations do not move when rules are added. */
const CONFIG = `extends: []
rules:
  privileged-container: error
  writable-root-filesystem: error
  run-as-non-root: warn
`;

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
            # kubeguard-disable-next-line writable-root-filesystem -- scratch space needed
            readOnlyRootFilesystem: false
`;

const CLEAN = `apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: registry.example.com/app:1.0
      securityContext:
        readOnlyRootFilesystem: true
`;

/** A project inside its own git work tree (the report root), with the config above. */
function repo(files: Record<string, string>): string {
  const dir = project({ ".kubeguard.yaml": CONFIG, ...files });
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return dir;
}

// Every SARIF text produced by the tests, validated at the end.
const sarifOut = mkdtempSync(join(tmpdir(), "kubeguard-sarif-"));
const produced: string[] = [];
function keep(name: string, text: string): any {
  const file = join(sarifOut, `${produced.length}-${name}.sarif`);
  writeFileSync(file, text);
  produced.push(file);
  return JSON.parse(text);
}

type Sarif = any;
const resultsOf = (s: Sarif): any[] => s.runs[0].results;

describe("several formats in one run", () => {
  it("writes sarif, junit and compact to their files and stylish to stdout", async () => {
    const dir = repo({ "deploy/web.yaml": WEB, "deploy/clean.yaml": CLEAN });
    const r = await run(dir, ["deploy", "--format", "sarif", "-o", "out.sarif", "--format", "junit", "-o", "out.xml", "--format", "compact", "-o", "out.txt", "--format", "stylish"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("deploy/web.yaml");
    expect(r.stdout).toMatch(/13:13\s+critical\s+Container 'web' runs privileged/u);
    keep("multi", read(dir, "out.sarif"));
    expect(read(dir, "out.txt")).toBe(
      "deploy/web.yaml:9:7: high runAsNonRoot is set neither in the pod securityContext nor in container 'web': the image's USER decides, which is root (UID 0) when the image sets none. (Deployment/shop/web) [run-as-non-root]\n" +
        "deploy/web.yaml:13:13: critical Container 'web' runs privileged: it gets every capability and access to all host devices. (Deployment/shop/web) [privileged-container]\n",
    );
    const xml = read(dir, "out.xml");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<testsuites name="kubeguard" tests="3" failures="2" errors="0" time="0">/u);
    expect(xml).toContain('<testsuite name="deploy/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">');
    expect(xml).toContain('<testsuite name="deploy/web.yaml" tests="2" failures="2" errors="0" skipped="1" time="0">');
    expect(xml).toContain('<testcase name="privileged-container" classname="deploy/web.yaml" time="0">');
    expect(xml).toContain("<failure message=\"Container &apos;web&apos; runs privileged: it gets every capability and access to all host devices.\" type=\"critical\">deploy/web.yaml:13:13-13:29 critical Deployment/shop/web");
    // Balanced elements.
    expect(xml.match(/<testsuite /gu)?.length).toBe(xml.match(/<\/testsuite>/gu)?.length);
    expect(xml.match(/<testcase [^>]*[^/]>/gu)?.length).toBe(xml.match(/<\/testcase>/gu)?.length);
  });

  it("refuses two reports on stdout and more files than formats", async () => {
    const dir = repo({ "web.yaml": WEB });
    const two = await run(dir, ["web.yaml", "--format", "json", "--format", "compact"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("only one --format can go to stdout");
    const files = await run(dir, ["web.yaml", "--format", "json", "-o", "a", "-o", "b"]);
    expect(files.code).toBe(2);
    expect(files.stderr).toContain("more --output-file than --format options");
  });
});

describe("github", () => {
  it("is chosen when GITHUB_ACTIONS=true and no --format is given, with exact ranges", async () => {
    const dir = repo({ "deploy/web.yaml": WEB });
    const r = await run(dir, ["deploy"], "", { GITHUB_ACTIONS: "true" });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "::error title=privileged-container (critical),file=deploy/web.yaml,line=13,endLine=13,col=13,endColumn=28::Container 'web' runs privileged: it gets every capability and access to all host devices. (Deployment/shop/web)\n" +
        "::warning title=run-as-non-root (high),file=deploy/web.yaml,line=9,endLine=9,col=7,endColumn=16::runAsNonRoot is set neither in the pod securityContext nor in container 'web': the image's USER decides, which is root (UID 0) when the image sets none. (Deployment/shop/web)\n" +
        "kubeguard: 2 findings, 1 suppressed\n",
    );
    // An explicit --format wins.
    const explicit = await run(dir, ["deploy", "--format", "compact"], "", { GITHUB_ACTIONS: "true" });
    expect(explicit.stdout).not.toContain("::error");
  });

  it("annotates at most 10 per type, most severe first, and lists the rest", async () => {
    // 12 Deployments, each with one privileged container (critical) and no runAsNonRoot (high, warning).
    const docs = Array.from({ length: 12 }, (_, i) => WEB.replace("name: web\n  namespace", `name: web${i}\n  namespace`)).join("---\n");
    const dir = repo({ "many.yaml": docs });
    const r = await run(dir, ["many.yaml", "--format", "github"]);
    const lines = r.stdout.trimEnd().split("\n");
    const errors = lines.filter((l) => l.startsWith("::error "));
    const warnings = lines.filter((l) => l.startsWith("::warning "));
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // Critical privileged-container first (12 of them fill 10 slots), nothing of lower severity among errors.
    expect(errors.every((l) => l.includes("title=privileged-container (critical)"))).toBe(true);
    expect(lines).toContain("kubeguard: 4 more findings past GitHub's limit of 10 annotations per type:");
    const rest = lines.slice(lines.indexOf("kubeguard: 4 more findings past GitHub's limit of 10 annotations per type:") + 1, -1);
    expect(rest).toHaveLength(4);
    expect(rest.filter((l) => l.endsWith("[privileged-container]"))).toHaveLength(2);
  });

  it("sends columns only for one-line ranges, with an inclusive endColumn", async () => {
    const { annotation } = await import("../../src/formatters/github.js");
    const base = { ruleId: "r", severity: 2 as const, level: "high" as const, message: "m", resource: null };
    expect(annotation({ file: "a.yaml", message: { ...base, line: 12, column: 11, endLine: 16, endColumn: 1 } }).properties).toEqual({
      title: "r (high)",
      file: "a.yaml",
      startLine: 12,
      endLine: 16,
    });
    expect(annotation({ file: "a.yaml", message: { ...base, line: 3, column: 5, endLine: 3, endColumn: 9 } }).properties).toEqual({
      title: "r (high)",
      file: "a.yaml",
      startLine: 3,
      endLine: 3,
      startColumn: 5,
      endColumn: 8,
    });
    expect(annotation({ file: "a.yaml", message: { ...base, severity: 1, level: "info", line: 3, column: 5 } }).type).toBe("notice");
  });

  it("escapes workflow-command data and properties", async () => {
    const { workflowCommand } = await import("../../src/formatters/github.js");
    expect(workflowCommand("error", "50% done\r\nnext", { title: "a: b, c", file: "x,y.yaml", startLine: 1, endLine: 1, startColumn: 2, endColumn: 3 })).toBe(
      "::error title=a%3A b%2C c,file=x%2Cy.yaml,line=1,endLine=1,col=2,endColumn=3::50%25 done%0D%0Anext",
    );
  });
});

describe("sarif", () => {
  it("describes the tool, the rules of the run and each result exactly", async () => {
    const dir = repo({ "deploy/web.yaml": WEB });
    const r = await run(dir, ["deploy", "--format", "sarif"]);
    expect(r.code).toBe(1);
    const sarif = keep("web", r.stdout);
    expect(sarif.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const run0 = sarif.runs[0];
    const driver = run0.tool.driver;
    expect(driver.name).toBe("kubeguard");
    expect(driver.version).toBe(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")).version);
    expect(driver.informationUri).toMatch(/^https:\/\//u);
    // The three enabled rules, sorted, no duplicates.
    expect(driver.rules.map((x: any) => x.id)).toEqual(["privileged-container", "run-as-non-root", "writable-root-filesystem"]);
    const priv = driver.rules[0];
    expect(priv.shortDescription.text).toBe("Disallow privileged containers");
    expect(priv.fullDescription.text).toMatch(/^A privileged container gets every Linux capability/u);
    expect(priv.fullDescription.text.length).toBeLessThanOrEqual(1024);
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "rules", "privileged-container.md"), "utf8");
    expect(priv.help.markdown).toContain(doc.slice(doc.indexOf("## Why"), doc.indexOf("## What is checked")).trim());
    expect(priv.help.text).toContain("https://github.com/kubeguard/kubeguard/blob/main/rules/privileged-container.md");
    expect(priv.helpUri).toBe("https://github.com/kubeguard/kubeguard/blob/main/rules/privileged-container.md");
    expect(priv.properties["security-severity"]).toBe("9.5");
    expect(typeof priv.properties["security-severity"]).toBe("string");
    expect(priv.properties.tags).toEqual(expect.arrayContaining(["security", "kubernetes", "cis:5.2.2"]));
    expect(driver.rules[1].properties["security-severity"]).toBe("8.0");

    expect(run0.columnKind).toBe("utf16CodeUnits");
    expect(run0.originalUriBaseIds["%SRCROOT%"].uri).toMatch(/^file:\/\/\/.*\/$/u);
    const results = resultsOf(sarif);
    expect(results).toHaveLength(3);
    const p = results.find((x: any) => x.ruleId === "privileged-container");
    expect(p.ruleIndex).toBe(0);
    expect(p.level).toBe("error");
    expect(p.message.text).toBe("Container 'web' runs privileged: it gets every capability and access to all host devices.");
    expect(p.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: "deploy/web.yaml", uriBaseId: "%SRCROOT%" },
          // `privileged: true` on line 13, columns 13 to 29 (exclusive).
          region: { startLine: 13, startColumn: 13, endLine: 13, endColumn: 29 },
        },
      },
    ]);
    expect(WEB.split("\n")[12]!.slice(12, 28)).toBe("privileged: true");
    expect(p.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:1$/u);
    expect(p.suppressions).toEqual([]);
    const n = results.find((x: any) => x.ruleId === "run-as-non-root");
    expect(n.level).toBe("warning");
    expect(n.ruleIndex).toBe(1);
    // The suppressed finding: in-source suppression with its reason.
    const s = results.find((x: any) => x.ruleId === "writable-root-filesystem");
    expect(s.ruleIndex).toBe(2);
    expect(s.locations[0].physicalLocation.region.startLine).toBe(15);
    expect(s.suppressions).toEqual([{ kind: "inSource", status: "accepted", justification: "scratch space needed" }]);
  });

  it("has an empty results array when clean, and repository-relative URIs from a sub-folder", async () => {
    const dir = repo({ "deploy/clean.yaml": CLEAN });
    const r = await run(join(dir, "deploy"), ["clean.yaml", "--format", "sarif", "--config", join(dir, ".kubeguard.yaml")]);
    expect(r.code).toBe(0);
    const sarif = keep("clean", r.stdout);
    expect(resultsOf(sarif)).toEqual([]);
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(3);
    const dirty = repo({ "deploy/web.yaml": WEB });
    const r2 = await run(join(dirty, "deploy"), ["web.yaml", "--format", "sarif", "--config", join(dirty, ".kubeguard.yaml")]);
    const s2 = keep("subfolder", r2.stdout);
    expect(resultsOf(s2)[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "deploy/web.yaml", uriBaseId: "%SRCROOT%" });
  });

  it("keeps fingerprints under unrelated edits and changes them for a different finding", async () => {
    const dir = repo({ "web.yaml": WEB });
    const before = keep("fp-before", (await run(dir, ["web.yaml", "--format", "sarif"])).stdout);
    // Unrelated edits: a new object in front, comments and an extra container field.
    const edited = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n---\n# deployed by CI\n${WEB.replace("          image: nginx:1.27\n", "          image: nginx:1.27\n          ports:\n            - containerPort: 80\n")}`;
    writeFileSync(join(dir, "web.yaml"), edited);
    const after = keep("fp-after", (await run(dir, ["web.yaml", "--format", "sarif"])).stdout);
    const fp = (s: Sarif, rule: string): { line: number; fp: string } => {
      const x = resultsOf(s).find((y: any) => y.ruleId === rule);
      return { line: x.locations[0].physicalLocation.region.startLine, fp: x.partialFingerprints.primaryLocationLineHash };
    };
    for (const rule of ["privileged-container", "run-as-non-root", "writable-root-filesystem"]) {
      expect(fp(after, rule).line).not.toBe(fp(before, rule).line);
      expect(fp(after, rule).fp).toBe(fp(before, rule).fp);
    }
    // Another object with the same finding gets its own fingerprint.
    writeFileSync(join(dir, "web.yaml"), `${WEB}---\n${WEB.replace("name: web\n  namespace", "name: api\n  namespace")}`);
    const two = keep("fp-two", (await run(dir, ["web.yaml", "--format", "sarif"])).stdout);
    const prints = resultsOf(two)
      .filter((y: any) => y.ruleId === "privileged-container")
      .map((y: any) => y.partialFingerprints.primaryLocationLineHash);
    expect(prints).toHaveLength(2);
    expect(new Set(prints).size).toBe(2);
    expect(prints).toContain(fp(before, "privileged-container").fp);
  });

  it("gives a rule for messages without one (unused suppressions)", async () => {
    const dir = repo({ "web.yaml": `${CLEAN.replace("    runAsNonRoot: true\n", "    # kubeguard-disable-next-line privileged-container -- not needed\n    runAsNonRoot: true\n")}` });
    const r = await run(dir, ["web.yaml", "--format", "sarif"]);
    const sarif = keep("directive", r.stdout);
    const results = resultsOf(sarif);
    expect(results).toHaveLength(1);
    expect(results[0].ruleId).toBe("kubeguard-directive");
    const rule = sarif.runs[0].tool.driver.rules[results[0].ruleIndex];
    expect(rule.id).toBe("kubeguard-directive");
    expect(rule.help.text.length).toBeGreaterThan(20);
  });
});

describe("SARIF Multitool (GitHub ingestion rules)", () => {
  const tool = multitool();
  afterAll(() => {
    if ("reason" in tool) console.warn(`SARIF Multitool validation skipped: ${tool.reason}`);
  });
  it.skipIf("reason" in tool)("finds no errors or warnings in any SARIF these tests produced", () => {
    expect(produced.length).toBeGreaterThanOrEqual(8);
    const problems = validateSarif((tool as { path: string }).path, produced);
    expect(problems.filter((p) => p.level === "error")).toEqual([]);
    expect(problems.filter((p) => p.level === "warning")).toEqual([]);
  });

  it.skipIf("reason" in tool)("does report a broken log (the validator is really checking)", () => {
    const bad = join(sarifOut, "broken.sarif.json");
    writeFileSync(bad, JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: { name: "x", rules: [{ id: "r" }] } }, results: [{ ruleId: "r", message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "/abs.yaml" }, region: { startLine: 1 } } }] }] }] }));
    const problems = validateSarif((tool as { path: string }).path, [bad]);
    expect(problems.filter((p) => p.level === "error").map((p) => p.ruleId)).toEqual(expect.arrayContaining(["GH2012", "SARIF1004"]));
  });
});
