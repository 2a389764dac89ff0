/**
 * @fileoverview The `kubeguard` command line, run in-process through `main()`: exit codes, the JSON
 * result shape, multi-document files with a broken document, stdin, ignore files, configuration
 * (errors, overrides, severity overrides) and the no-objects notice.
 */
import { describe, expect, it } from "vitest";
import { fixture, project, run } from "./helpers.js";

/** Only the two rules that are sure to exist, so expectations do not move as rules are added. */
const ONLY_CORE_RULES = "extends: []\nrules:\n  privileged-container: error\n  valid-yaml: error\n";

describe("exit codes", () => {
  it("is 0 for clean manifests, with nothing on stdout", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "svc.yaml": fixture("clean-service.yaml") });
    const r = await run(dir, ["."]);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("is 1 for findings, and stylish names position, level, rule and object", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "deploy/web.yaml": fixture("privileged-deployment.yaml") });
    const r = await run(dir, []);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("deploy/web.yaml\n");
    expect(r.stdout).toMatch(/ {2}25:13 {2}critical {2}Container 'debug' runs privileged: .* {2}privileged-container {2}\(Deployment\/shop\/web\)\n/u);
    expect(r.stdout).toContain("✖ 1 problem (1 critical) — 1 error, 0 warnings");
    expect(r.stdout).not.toContain("\u001b["); // not a TTY: no colours
  });

  it("is 2 for usage errors: unknown option, bad value, missing path", async () => {
    const dir = project({ "a.yaml": fixture("clean-service.yaml") });
    const unknown = await run(dir, ["--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--frobnicate");
    const bad = await run(dir, ["--fail-on", "hgih"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--fail-on: unknown value 'hgih' (did you mean high?)");
    const missing = await run(dir, ["nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no such file or directory: nope.yaml");
    const rule = await run(dir, ["--rule", "privileged-containr=off"]);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain("did you mean privileged-container?");
  });

  it("prints help and version with exit 0", async () => {
    const dir = project();
    expect((await run(dir, ["--help"])).stdout).toContain("Usage: kubeguard [options] [paths...]");
    expect((await run(dir, ["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });
});

describe("json output", () => {
  it("has ESLint's result shape with bare rule ids, level, url, resource and exact ranges", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": fixture("privileged-deployment.yaml") });
    const r = await run(dir, ["--format", "json"]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(1);
    const [result] = results;
    expect(result).toMatchObject({
      filePath: `${dir}/web.yaml`,
      errorCount: 1,
      warningCount: 0,
      fixableErrorCount: 1, // a hardening suggestion of a fixable rule: `kubeguard --fix` applies it
      fixableWarningCount: 0,
      suppressedMessages: [],
    });
    expect(result.messages).toEqual([
      {
        ruleId: "privileged-container",
        severity: 2,
        level: "critical",
        message: "Container 'debug' runs privileged: it gets every capability and access to all host devices.",
        messageId: "privileged",
        line: 25,
        column: 13,
        endLine: 25,
        endColumn: 29,
        url: "https://github.com/kubeguard/kubeguard/blob/main/rules/privileged-container.md",
        resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web", docIndex: 0 },
        // The file and line a person edits (src/sourcemap): for a plain file, itself.
        source: { file: `${dir}/web.yaml`, line: 25, column: 13 },
        suggestions: [{ desc: "Set privileged: false.", messageId: "setFalse", fix: { range: [expect.any(Number), expect.any(Number)], text: "false" } }],
      },
    ]);
  });

  it("lints the documents around a broken one and reports the broken one in place", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "three.yaml": fixture("broken-middle.yaml") });
    const r = await run(dir, ["-f", "json", "three.yaml"]);
    expect(r.code).toBe(1);
    const messages = JSON.parse(r.stdout)[0].messages;
    expect(messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(["privileged-container", "valid-yaml", "privileged-container"]);
    expect(messages[0]).toMatchObject({ line: 10, column: 9, endLine: 10, endColumn: 25, resource: { kind: "Pod", name: "first", namespace: null, docIndex: 0 } });
    // The error lies in document 2 (lines 12-18), which is not an object kubeguard could read.
    expect(messages[1]).toMatchObject({ level: "high", resource: { kind: null, name: null, docIndex: 1 } });
    expect(messages[1].line).toBeGreaterThanOrEqual(12);
    expect(messages[1].line).toBeLessThanOrEqual(18);
    expect(messages[2]).toMatchObject({ line: 29, column: 9, resource: { kind: "Pod", name: "third", namespace: "tools", docIndex: 2 } });
  });

  it("writes the report to --output-file", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": fixture("privileged-deployment.yaml") });
    const r = await run(dir, ["-f", "json", "-o", "report.json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(`${dir}/report.json`, "utf8"))[0].messages[0].ruleId).toBe("privileged-container");
  });
});

describe("inputs", () => {
  it("reads stdin for - under --stdin-filename", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES });
    const r = await run(dir, ["-f", "json", "--stdin-filename", "k8s/web.yaml", "-"], fixture("privileged-deployment.yaml"));
    expect(r.code).toBe(1);
    const [result] = JSON.parse(r.stdout);
    expect(result.filePath).toBe(`${dir}/k8s/web.yaml`);
    expect(result.messages[0]).toMatchObject({ ruleId: "privileged-container", line: 25 });
  });

  it("defaults the stdin file name to stdin.yaml", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES });
    const r = await run(dir, ["-f", "json", "-"], fixture("privileged-deployment.yaml"));
    expect(JSON.parse(r.stdout)[0].filePath).toBe(`${dir}/stdin.yaml`);
  });

  it("honours .gitignore and .kubeguardignore (nested too), and never enters node_modules", async () => {
    const bad = fixture("privileged-deployment.yaml");
    const dir = project({
      ".kubeguard.yaml": ONLY_CORE_RULES,
      ".gitignore": "build/\n",
      "build/out.yaml": bad,
      "node_modules/chart/x.yaml": bad,
      "apps/.kubeguardignore": "vendored-*.yaml\n",
      "apps/vendored-web.yaml": bad,
      "apps/web.yml": bad,
      "apps/notes.txt": bad,
    });
    const r = await run(dir, ["-f", "json"]);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1));
    expect(files).toEqual(["apps/web.yml"]);
  });

  it("expands globs", async () => {
    const bad = fixture("privileged-deployment.yaml");
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "a/one.yaml": bad, "a/b/two.yaml": bad, "c/three.yaml": bad });
    const r = await run(dir, ["-f", "json", "a/**/*.yaml"]);
    const files = JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath.slice(dir.length + 1));
    expect(files).toEqual(["a/b/two.yaml", "a/one.yaml"]);
  });

  it("says plainly when the paths hold no Kubernetes object", async () => {
    const dir = project({ "ci/pipeline.yaml": "stages: [build, test]\n", "package.json": '{"name": "x"}\n' });
    const r = await run(dir, ["ci", "package.json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("kubeguard: no Kubernetes objects found in ci, package.json\n");
  });
});

describe("configuration", () => {
  it("names the file and key of an unknown rule, with a suggestion, and exits 2", async () => {
    const dir = project({ ".kubeguard.yaml": "rules:\n  privileged-containr: warn\n", "a.yaml": fixture("clean-service.yaml") });
    const r = await run(dir, ["."]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kubeguard: .kubeguard.yaml: rules.privileged-containr: unknown rule (did you mean privileged-container?)\n");
  });

  it("rejects unknown keys, wrong types and bad values", async () => {
    const cases: [string, string][] = [
      ["rulez: {}\n", ".kubeguard.yaml: rulez: unknown key (did you mean rules?)"],
      ["extends: [strict]\n", ".kubeguard.yaml: extends[0]: unknown preset 'strict'"],
      ["rules:\n  valid-yaml: loud\n", ".kubeguard.yaml: rules.valid-yaml: expected one of off, warn, error"],
      ["rules:\n  valid-yaml: { severity: huge }\n", ".kubeguard.yaml: rules.valid-yaml.severity: expected one of critical, high, medium, low, info"],
      ["overrides:\n  - rules: {}\n", ".kubeguard.yaml: overrides[0].files: required"],
      ["settings:\n  kubernetesVersion: 1.30\n", ".kubeguard.yaml: settings.kubernetesVersion: expected a quoted"],
      ["ignore: 3\n", ".kubeguard.yaml: ignore: expected a string or a list of strings"],
      ["rules: [\n", ".kubeguard.yaml:2:1: invalid YAML"],
    ];
    for (const [text, expected] of cases) {
      const dir = project({ ".kubeguard.yaml": text, "a.yaml": fixture("clean-service.yaml") });
      const r = await run(dir, ["."]);
      expect(r.code, text).toBe(2);
      expect(r.stderr, text).toContain(`kubeguard: ${expected}`);
    }
  });

  it("--config wins over the nearest .kubeguard.yaml; a missing --config is an error", async () => {
    const dir = project({ ".kubeguard.yaml": "rules: [broken\n", "strict.yaml": ONLY_CORE_RULES, "web.yaml": fixture("privileged-deployment.yaml") });
    expect((await run(dir, ["--config", "strict.yaml", "web.yaml"])).code).toBe(1);
    const missing = await run(dir, ["--config", "nope.yaml"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: cannot read the configuration file");
  });

  it("applies overrides by glob relative to the configuration file", async () => {
    const bad = fixture("privileged-deployment.yaml");
    const dir = project({
      ".kubeguard.yaml": `${ONLY_CORE_RULES}overrides:\n  - files: ["legacy/**"]\n    rules:\n      privileged-container: off\n`,
      "legacy/old.yaml": bad,
      "apps/web.yaml": bad,
    });
    const r = await run(dir, ["-f", "json"]);
    const byFile = Object.fromEntries(JSON.parse(r.stdout).map((x: { filePath: string; messages: unknown[] }) => [x.filePath.slice(dir.length + 1), x.messages.length]));
    expect(byFile).toEqual({ "apps/web.yaml": 1, "legacy/old.yaml": 0 });
  });

  it("a severity override changes the reported level and what --fail-on counts", async () => {
    const dir = project({
      ".kubeguard.yaml": "extends: []\nrules:\n  privileged-container: { level: warn, severity: low }\n",
      "web.yaml": fixture("privileged-deployment.yaml"),
    });
    const r = await run(dir, ["-f", "json"]);
    expect(r.code).toBe(1); // default --fail-on info: any finding fails
    expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({ ruleId: "privileged-container", severity: 1, level: "low" });
    expect((await run(dir, ["--fail-on", "medium"])).code).toBe(0);
    expect((await run(dir, ["--fail-on", "low"])).code).toBe(1);
  });

  it("severity overrides inside overrides apply to their files only", async () => {
    const bad = fixture("privileged-deployment.yaml");
    const dir = project({
      ".kubeguard.yaml": `${ONLY_CORE_RULES}overrides:\n  - files: ["dev/*.yaml"]\n    rules:\n      privileged-container: { severity: info }\n`,
      "dev/web.yaml": bad,
      "prod/web.yaml": bad,
    });
    const r = await run(dir, ["-f", "json", "dev", "prod"]);
    const levels = JSON.parse(r.stdout).map((x: { messages: { level: string }[] }) => x.messages[0]!.level);
    expect(levels).toEqual(["info", "critical"]);
  });

  it("--rule and --preset override the configuration", async () => {
    const dir = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": fixture("privileged-deployment.yaml") });
    expect((await run(dir, ["--rule", "privileged-container=off"])).code).toBe(0);
    const json = JSON.parse((await run(dir, ["-f", "json", "--preset", "baseline"])).stdout);
    expect(json[0].messages.some((m: { ruleId: string }) => m.ruleId === "privileged-container")).toBe(true);
  });

  it("annotation suppressions can be forbidden in settings", async () => {
    const annotated = fixture("privileged-deployment.yaml").replace("  namespace: shop\n", '  namespace: shop\n  annotations:\n    kubeguard.io/ignore: "privileged-container"\n');
    const allowed = project({ ".kubeguard.yaml": ONLY_CORE_RULES, "web.yaml": annotated });
    expect((await run(allowed, ["web.yaml"])).code).toBe(0);
    const forbidden = project({ ".kubeguard.yaml": `${ONLY_CORE_RULES}settings:\n  annotationSuppressions: false\n`, "web.yaml": annotated });
    expect((await run(forbidden, ["web.yaml"])).code).toBe(1);
  });
});

describe("--list-rules", () => {
  it("lists every rule as JSON built from its meta", async () => {
    const r = await run(project(), ["--list-rules", "--format", "json"]);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    const privileged = list.find((x: { id: string }) => x.id === "privileged-container");
    expect(privileged).toEqual({
      id: "privileged-container",
      description: "Disallow privileged containers",
      severity: "critical",
      presets: ["recommended", "baseline", "restricted"],
      fixable: true,
      hasSuggestions: true,
      standards: expect.objectContaining({ pss: "baseline: Privileged Containers" }),
      equivalents: expect.objectContaining({ checkov: ["CKV_K8S_16"] }),
      url: "https://github.com/kubeguard/kubeguard/blob/main/rules/privileged-container.md",
    });
    expect(list.find((x: { id: string }) => x.id === "valid-yaml")).toMatchObject({ fixable: false, hasSuggestions: false });
  });

  it("prints a table by default", async () => {
    const r = await run(project(), ["--list-rules"]);
    expect(r.stdout).toMatch(/^RULE +SEVERITY +PRESETS +FIX +DESCRIPTION\n/u);
    expect(r.stdout).toMatch(/\nprivileged-container +critical +recommended,baseline,restricted +fix\* +Disallow privileged containers\n/u);
  });
});
