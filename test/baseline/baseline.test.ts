/**
 * @fileoverview Baselines end to end through the CLI: --baseline-create records the findings,
 * --baseline reports only new ones, fingerprints survive line moves, duplicates are counted.
 */
import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { project, read, run } from "../cli/helpers.js";

const CONFIG = "extends: []\nrules:\n  privileged-container: error\n  privilege-escalation-allowed: error\n";

const deploy = (name: string, containers: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
${containers}`;

const PRIV = (name: string): string => `        - name: ${name}
          image: registry.example.com/${name}:1.0
          securityContext:
            privileged: true
            allowPrivilegeEscalation: false
`;

interface Result {
  filePath: string;
  messages: { ruleId: string; line: number; resource: { name: string } }[];
  suppressedMessages: { ruleId: string; suppressions: { kind: string; justification: string }[] }[];
}

async function lint(dir: string, args: string[]): Promise<{ code: number; results: Result[]; stderr: string }> {
  const r = await run(dir, ["--format", "json", ...args, "."]);
  return { code: r.code, results: JSON.parse(r.stdout) as Result[], stderr: r.stderr };
}

describe("baselines", () => {
  it("create, then report only new findings after lines move and a finding is added", async () => {
    const dir = project({
      ".kubeguard.yaml": CONFIG,
      "a.yaml": `${deploy("web", PRIV("web"))}---\n${deploy("api", PRIV("api"))}`,
      "b.yaml": deploy("db", PRIV("db")),
    });
    const created = await lint(dir, ["--baseline-create"]);
    expect(created.code).toBe(0);
    expect(created.stderr).toContain("wrote 3 findings to the baseline .kubeguard-baseline.json");
    expect(created.results.flatMap((r) => r.messages)).toEqual([]);
    expect(created.results.flatMap((r) => r.suppressedMessages).map((m) => m.suppressions[0]!.kind)).toEqual(["baseline", "baseline", "baseline"]);
    const baseline = JSON.parse(read(dir, ".kubeguard-baseline.json")) as { version: number; findings: { ruleId: string; file: string; resource: string; count: number; fingerprint: string }[] };
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((f) => [f.file, f.resource, f.ruleId, f.count])).toEqual([
      ["a.yaml", "Deployment//api", "privileged-container", 1],
      ["a.yaml", "Deployment//web", "privileged-container", 1],
      ["b.yaml", "Deployment//db", "privileged-container", 1],
    ]);
    expect(baseline.findings.every((f) => /^[0-9a-f]{32}$/u.test(f.fingerprint))).toBe(true);

    // Unchanged files: nothing new, exit 0.
    const same = await lint(dir, ["--baseline", ".kubeguard-baseline.json"]);
    expect(same.code).toBe(0);
    expect(same.results.flatMap((r) => r.messages)).toEqual([]);

    // Move everything around: swap documents, add comments and blank lines above, re-indent the
    // container list; and add one new privileged container.
    writeFileSync(join(dir, "a.yaml"), `# moved\n\n${deploy("api", PRIV("api"))}---\n# web comes second now\n${deploy("web", PRIV("web").replace(/^ {2}/gmu, ""))}`);
    writeFileSync(join(dir, "b.yaml"), `\n\n\n${deploy("db", PRIV("db") + PRIV("sidecar"))}`);
    const after = await lint(dir, ["--baseline", ".kubeguard-baseline.json"]);
    expect(after.code).toBe(1);
    const fresh = after.results.flatMap((r) => r.messages.map((m) => [r.filePath.slice(dir.length + 1), m.ruleId, m.resource.name, m.line]));
    expect(fresh).toEqual([["b.yaml", "privileged-container", "db", 20]]);
    expect(after.results.flatMap((r) => r.suppressedMessages)).toHaveLength(3);
    // Without the baseline all four are reported.
    const all = await lint(dir, []);
    expect(all.results.flatMap((r) => r.messages)).toHaveLength(4);
  });

  it("identical findings are counted; fixed ones are noted as stale", async () => {
    const dir = project({ ".kubeguard.yaml": CONFIG, "d.yaml": deploy("web", PRIV("web") + PRIV("web")) });
    await lint(dir, ["--baseline-create=base/kg.json"]);
    const baseline = JSON.parse(read(dir, "base/kg.json")) as { findings: { file: string; count: number }[] };
    expect(baseline.findings).toMatchObject([{ file: "../d.yaml", count: 2 }]);
    writeFileSync(join(dir, "d.yaml"), deploy("web", PRIV("web") + PRIV("web") + PRIV("web")));
    const three = await lint(dir, ["--baseline", "base/kg.json"]);
    expect(three.results.flatMap((r) => r.messages)).toHaveLength(1);
    expect(three.results.flatMap((r) => r.messages)[0]!.line).toBe(22);
    writeFileSync(join(dir, "d.yaml"), deploy("web", PRIV("web")));
    const one = await lint(dir, ["--baseline", "base/kg.json"]);
    expect(one.code).toBe(0);
    expect(one.stderr).toContain("1 baseline finding is fixed; run with --baseline-create to shrink base/kg.json");
  });

  it("a missing or foreign baseline file is an error (exit 2)", async () => {
    const dir = project({ ".kubeguard.yaml": CONFIG, "d.yaml": deploy("web", PRIV("web")), "x.json": '{"a":1}' });
    const missing = await run(dir, ["--baseline", "nope.json", "."]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the baseline");
    const foreign = await run(dir, ["--baseline", "x.json", "d.yaml"]);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain("not a kubeguard baseline");
  });
});
