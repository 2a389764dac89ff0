/**
 * @fileoverview `kubeguard --preset cis` on a default kubeadm control plane
 * (fixtures/cis/kubeadm-default) versus kube-bench CIS v1.12 (issue #4 "Done means"). The
 * expected kube-bench result per check is hand-derived in test/cis/expected-kubeadm-default.md
 * (with kube-bench's test semantics, summarised in kube-bench-cis-1.12-tests.md); this test reads
 * that table, runs the real CLI, maps every finding to its rule's `meta.docs.standards.cis` ids and
 * asserts: every FAIL has a finding, no PASS has one, and the WARN (Manual) rows are reported
 * exactly as the table's "kubeguard" column says.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { presetRules } from "../../src/eslint/index.js";
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition } from "../../src/rule.js";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "fixtures", "cis", "kubeadm-default");

interface Row {
  check: string;
  scored: boolean;
  kubeBench: "PASS" | "FAIL" | "WARN";
  reported: boolean;
}

function expectedRows(): Row[] {
  const md = readFileSync(join(import.meta.dirname, "expected-kubeadm-default.md"), "utf8");
  const rows: Row[] = [];
  for (const line of md.split("\n")) {
    const m = /^\| (\d+(?:\.\d+)+) \| (yes|no) \| (PASS|FAIL|WARN) \| (reported|not reported) \|/u.exec(line);
    if (m) rows.push({ check: m[1]!, scored: m[2] === "yes", kubeBench: m[3] as Row["kubeBench"], reported: m[4] === "reported" });
  }
  return rows;
}

interface Finding {
  file: string;
  ruleId: string;
  line: number;
  message: string;
}

const byName = new Map((Object.values(rules) as K8sRuleDefinition[]).map((r) => [r.name, r]));
const rows = expectedRows();
let findings: Finding[] = [];
let exitCode = -1;

/** CIS ids → the findings that carry them. */
function findingsByCis(): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    for (const id of byName.get(f.ruleId)?.meta.docs.standards?.cis ?? []) {
      const list = out.get(id) ?? [];
      list.push(f);
      out.set(id, list);
    }
  }
  return out;
}

const show = (fs: Finding[] | undefined): string => (fs ?? []).map((f) => `${f.file}:${f.line} ${f.ruleId}: ${f.message}`).join("\n");

describe("kube-bench parity: --preset cis on a default kubeadm control plane", () => {
  beforeAll(async () => {
    let stdout = "";
    let stderr = "";
    exitCode = await main(["--preset", "cis", "-f", "json", "."], {
      cwd: FIXTURE,
      env: {},
      stdin: Readable.from([""]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(stderr).toBe("");
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[] }[];
    findings = results.flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath.slice(FIXTURE.length + 1), ruleId: (m.ruleId ?? "<fatal>").replace(/^kubeguard\//u, ""), line: m.line, message: m.message })),
    );
  });

  it("reads the expected table (9 FAIL, 39 PASS, 14 WARN)", () => {
    const count = (s: Row["kubeBench"]): number => rows.filter((r) => r.kubeBench === s).length;
    expect([count("FAIL"), count("PASS"), count("WARN")]).toEqual([9, 39, 14]);
    // kube-bench reports FAIL only for scored checks; an unscored failure is WARN (check/check.go).
    expect(rows.filter((r) => r.kubeBench === "FAIL" && !r.scored)).toEqual([]);
    expect(rows.filter((r) => r.kubeBench === "WARN" && r.scored)).toEqual([]);
    // The table's kubeguard column follows kube-bench for FAIL and PASS.
    expect(rows.filter((r) => (r.kubeBench === "FAIL") !== r.reported && r.kubeBench !== "WARN")).toEqual([]);
  });

  it("lints the fixture with findings, and every finding comes from a cis-preset rule with a CIS id", () => {
    expect(exitCode).toBe(1);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      const rule = byName.get(f.ruleId);
      expect(rule, show([f])).toBeDefined();
      expect(rule!.meta.docs.presets, show([f])).toContain("cis");
      expect(rule!.meta.docs.standards?.cis?.length ?? 0, show([f])).toBeGreaterThan(0);
    }
  });

  it("reports every check kube-bench FAILs", () => {
    const got = findingsByCis();
    const missing = rows.filter((r) => r.kubeBench === "FAIL" && !got.has(r.check)).map((r) => r.check);
    expect(missing).toEqual([]);
  });

  it("reports nothing for a check kube-bench PASSes", () => {
    const got = findingsByCis();
    const wrong = rows.filter((r) => r.kubeBench === "PASS" && got.has(r.check)).map((r) => `${r.check}:\n${show(got.get(r.check))}`);
    expect(wrong).toEqual([]);
  });

  it("reports the Manual (WARN) checks exactly as the expected table says", () => {
    const got = findingsByCis();
    const warn = rows.filter((r) => r.kubeBench === "WARN");
    expect(warn.filter((r) => r.reported).map((r) => r.check).filter((c) => !got.has(c))).toEqual([]);
    expect(warn.filter((r) => !r.reported && got.has(r.check)).map((r) => `${r.check}:\n${show(got.get(r.check))}`)).toEqual([]);
  });

  it("has no finding whose CIS id is outside the table", () => {
    const known = new Set(rows.map((r) => r.check));
    const unknown = [...findingsByCis().keys()].filter((c) => !known.has(c));
    expect(unknown).toEqual([]);
  });

  it("without the cis preset, the catalog rows keep their own absent-flag semantics (maxage/maxbackup not reported)", async () => {
    let stdout = "";
    const code = await main(["--preset", "recommended", "-f", "json", "."], {
      cwd: FIXTURE,
      env: {},
      stdin: Readable.from([""]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => undefined },
    });
    expect(code).toBe(1);
    const ids = (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId.replace(/^kubeguard\//u, "")));
    expect(ids).toContain("apiserver-audit-log-path-missing");
    expect(ids).toContain("apiserver-audit-log-maxsize");
    expect(ids).not.toContain("apiserver-audit-log-maxage");
    expect(ids).not.toContain("apiserver-audit-log-maxbackup");
  });

  it("the cis preset (only) turns on cisStrict for the audit-log rules", () => {
    for (const id of ["apiserver-audit-log-path-missing", "apiserver-audit-log-maxage", "apiserver-audit-log-maxbackup", "apiserver-audit-log-maxsize"]) {
      const cis = presetRules("cis")[`kubeguard/${id}`];
      expect(Array.isArray(cis) ? cis.slice(1) : cis, id).toEqual([{ cisStrict: true }]);
      expect(typeof presetRules("recommended")[`kubeguard/${id}`], id).toBe("string");
    }
  });
});
