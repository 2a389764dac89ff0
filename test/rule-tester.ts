/**
 * @fileoverview kubeguard's rule tester: ESLint's RuleTester configured with the kubeguard language,
 * plus YAML checks on every fix output (re-parses cleanly, idempotent, no byte changed outside the
 * reported edit), and fixture-driven cases from fixtures/rules/<id>/{valid,invalid}/.
 *
 * Fixture layout (one case per file, no computed expectations):
 *   valid/<case>.yaml                 must produce no message from the rule
 *   invalid/<case>.yaml               the input
 *   invalid/<case>.json               { errors: [...], output?: "<file>" | null, filename?, options?, settings? }
 *     errors[i]: { messageId, data?, line, column, endLine, endColumn, suggestions?: [{ messageId, output: "<file>" }] }
 *     output: the file expected after `kubeguard --fix` (hardening applied); null when there is no fix.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Linter, RuleTester } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../src/eslint/index.js";
import { parseProgram } from "../src/language/language.js";
import type { K8sRuleDefinition } from "../src/rule.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
(RuleTester as unknown as { afterAll: unknown }).afterAll = afterAll;

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "rules");

const baseConfig = { plugins: { kubeguard: plugin }, language: "kubeguard/k8s" } as const;

interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions?: { messageId: string; data?: Record<string, string | number>; output: string }[];
}

interface CaseSpec {
  errors: ExpectedError[];
  output?: string | null;
  filename?: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
}

export interface ValidCase {
  name?: string;
  code: string;
  filename?: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  errors: (Omit<ExpectedError, "suggestions"> & { suggestions?: { messageId: string; data?: Record<string, string | number>; output: string }[] })[];
  /** Output under `kubeguard --fix` (hardening applied). Null: no fix. */
  output?: string | null;
}

function lintConfig(rule: K8sRuleDefinition, options: unknown[] | undefined, settings: Record<string, unknown> | undefined, applyHardening: boolean): Linter.Config[] {
  const kubeguard = { ...((settings?.kubeguard as Record<string, unknown>) ?? {}), applyHardening };
  return [
    {
      files: [(filePath: string) => filePath.length > 0] as never,
      ...baseConfig,
      settings: { ...settings, kubeguard },
      rules: { [`kubeguard/${rule.name}`]: ["error", ...(options ?? [])] as Linter.RuleEntry },
    } as Linter.Config,
  ];
}

/** The YAML checks every fix must pass (DESIGN §5). */
export function checkFix(rule: K8sRuleDefinition, c: ValidCase, output: string): void {
  const filename = c.filename ?? "manifest.yaml";
  const linter = new Linter({ configType: "flat" });
  const config = lintConfig(rule, c.options, c.settings, true);
  const before = linter.verify(c.code, config, { filename });
  // 1. Re-parses without new YAML errors.
  const errorsBefore = parseProgram(c.code, filename).body.reduce((n, d) => n + d.errors.length, 0);
  const errorsAfter = parseProgram(output, filename).body.reduce((n, d) => n + d.errors.length, 0);
  expect(errorsAfter, "fix output must re-parse without YAML errors").toBeLessThanOrEqual(errorsBefore);
  // 2. Only bytes inside the reported fix ranges changed.
  const ranges = before.filter((m) => m.fix).map((m) => m.fix!.range);
  expect(ranges.length, "a fixed case must report a fix").toBeGreaterThan(0);
  const minStart = Math.min(...ranges.map((r) => r[0]));
  const maxEnd = Math.max(...ranges.map((r) => r[1]));
  const tail = c.code.length - maxEnd;
  expect(output.slice(0, minStart), "bytes before the fix range must be unchanged").toBe(c.code.slice(0, minStart));
  expect(output.slice(output.length - tail), "bytes after the fix range must be unchanged").toBe(c.code.slice(maxEnd));
  // 3. Idempotent: fixing the output again changes nothing, and the rule no longer offers a fix.
  const again = linter.verifyAndFix(output, config, { filename });
  expect(again.output, "a second --fix must change nothing").toBe(output);
  expect(again.messages.filter((m) => m.ruleId === `kubeguard/${rule.name}` && m.fix), "the rule must stop offering a fix").toHaveLength(0);
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Run inline and fixture cases for a rule. */
export function runRuleTests(rule: K8sRuleDefinition, cases: { valid?: ValidCase[]; invalid?: InvalidCase[] } = {}): void {
  const fixtures = loadFixtureCases(rule.name);
  const valid = [...(cases.valid ?? []), ...fixtures.valid];
  const invalid = [...(cases.invalid ?? []), ...fixtures.invalid];
  const tester = new RuleTester(baseConfig as never);

  describe(rule.name, () => {
    it("has valid and invalid cases", () => {
      expect(valid.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
    });
    // Default mode (ESLint, editors): hardening is offered as suggestions.
    tester.run(rule.name, rule as never, {
      valid: valid.map((c) => clean({ name: c.name, code: c.code, filename: c.filename ?? "manifest.yaml", options: c.options, settings: c.settings })) as never,
      invalid: invalid.map((c) => {
        const hardening = c.errors.some((e) => e.suggestions?.length);
        return clean({
          name: c.name,
          code: c.code,
          filename: c.filename ?? "manifest.yaml",
          options: c.options,
          settings: c.settings,
          errors: c.errors,
          // Hardening fixes appear only under --fix; safe fixes always.
          output: hardening ? null : (c.output ?? null),
        });
      }) as never,
    });
    // kubeguard --fix mode: hardening suggestions become fixes.
    const fixCases = invalid.filter((c) => c.output != null);
    if (fixCases.length) {
      describe("with kubeguard --fix", () => {
        for (const c of fixCases) {
          it(`${c.name ?? c.code.slice(0, 40)}`, () => {
            const linter = new Linter({ configType: "flat" });
            const config = lintConfig(rule, c.options, c.settings, true);
            const filename = c.filename ?? "manifest.yaml";
            const result = linter.verifyAndFix(c.code, config, { filename });
            expect(result.output).toBe(c.output);
            checkFix(rule, c, result.output);
          });
        }
      });
    }
  });
}

/** Read fixtures/rules/<id>/{valid,invalid}. */
export function loadFixtureCases(id: string): { valid: ValidCase[]; invalid: InvalidCase[] } {
  const dir = join(FIXTURES, id);
  const valid: ValidCase[] = [];
  const invalid: InvalidCase[] = [];
  const vdir = join(dir, "valid");
  if (existsSync(vdir)) {
    for (const f of readdirSync(vdir).sort()) {
      if (!isCaseInput(vdir, f)) continue;
      const specPath = join(vdir, `${f}.json`);
      const spec = existsSync(specPath) ? (JSON.parse(readFileSync(specPath, "utf8")) as Partial<CaseSpec>) : {};
      valid.push({ name: `valid/${f}`, code: readFileSync(join(vdir, f), "utf8"), filename: spec.filename ?? f, options: spec.options, settings: spec.settings });
    }
  }
  const idir = join(dir, "invalid");
  if (existsSync(idir)) {
    for (const f of readdirSync(idir).sort()) {
      if (!isCaseInput(idir, f)) continue;
      const spec = JSON.parse(readFileSync(join(idir, `${f}.json`), "utf8")) as CaseSpec;
      const read = (name: string): string => readFileSync(join(idir, name), "utf8");
      invalid.push({
        name: `invalid/${f}`,
        code: read(f),
        filename: spec.filename ?? f,
        options: spec.options,
        settings: spec.settings,
        output: spec.output ? read(spec.output) : null,
        errors: spec.errors.map((e) => ({
          ...e,
          ...(e.suggestions ? { suggestions: e.suggestions.map((s) => ({ ...s, output: read(s.output) })) } : {}),
        })),
      });
    }
  }
  return { valid, invalid };
}

/** A case input is any file that has a `<file>.json` spec next to it (invalid) or is not a spec/output. */
function isCaseInput(dir: string, f: string): boolean {
  if (f.endsWith(".json") && existsSync(join(dir, f.slice(0, -5)))) return false; // a spec
  if (/\.(fixed|suggested)(\.\d+)?\.[^.]+$/u.test(f)) return false; // an expected output
  if (dir.endsWith("invalid")) return existsSync(join(dir, `${f}.json`));
  return true;
}
