/**
 * @fileoverview Property tests (fast-check) over generated Kubernetes-shaped YAML in random styles:
 * the parser never throws and every position lies inside the text; our linear duplicate-key check
 * agrees with the `yaml` library's own; and every fix (all rules, hardening applied as under
 * `kubeguard --fix`) re-parses without new errors, changes only its declared range, keeps CRLF
 * and comments outside it, and the fixed file is a fixed point (a second --fix changes nothing).
 * Runs: KUBEGUARD_PROPS_RUNS (100, fixes 10, in npm test; 10,000 in npm run test:props); on failure fast-check
 * prints the seed and path, replay with KUBEGUARD_PROPS_SEED.
 */
import fc from "fast-check";
import { Linter } from "eslint";
import { Composer, Parser } from "yaml";
import { describe, expect, it } from "vitest";
import plugin, { presetRules } from "../../src/eslint/index.js";
import { parseProgram } from "../../src/language/language.js";
import type { YamlNode } from "../../src/language/ast.js";
import { dupProneMap, manifestFile, params, RUNS } from "./generators.js";

const config = [
  {
    files: ["**/*.yaml"],
    plugins: { kubeguard: plugin },
    language: "kubeguard/k8s",
    settings: { kubeguard: { applyHardening: true } },
    rules: presetRules("all"),
  },
] as unknown as Linter.Config[];
const linter = new Linter({ configType: "flat" });
const FILE = { filename: "m.yaml" };
/**
 * Linting with every rule and fixing twice costs ~0.2 s a case: npm test runs a tenth, and
 * KUBEGUARD_PROPS_FIX_RUNS bounds the fix property separately (10,000 fix cases take ~30 min here).
 */
const FIX_RUNS = process.env.KUBEGUARD_PROPS_FIX_RUNS
  ? Number(process.env.KUBEGUARD_PROPS_FIX_RUNS)
  : process.env.KUBEGUARD_PROPS_RUNS
    ? RUNS
    : Math.ceil(RUNS / 10);
const TIMEOUT = Math.max(60_000, RUNS * 40, FIX_RUNS * 400);

function walk(node: YamlNode | null, visit: (n: YamlNode) => void): void {
  if (!node) return;
  visit(node);
  if (node.type === "Map") for (const p of node.pairs) (walk(p.key, visit), walk(p.value, visit));
  else if (node.type === "Seq") for (const it of node.items) walk(it, visit);
}

const errorCount = (text: string): number => parseProgram(text.replace(/^\uFEFF/u, ""), "m.yaml").body.reduce((n, d) => n + d.errors.length, 0);

describe(`properties (${RUNS} runs; fixes ${FIX_RUNS})`, () => {
  it(
    "the parser never throws; every range and comment lies inside the text",
    () => {
      fc.assert(
        fc.property(manifestFile, fc.string({ maxLength: 40 }), fc.nat(), (file, noise, at) => {
          // Also a random splice of noise: broken input must not throw either.
          const pos = at % (file.length + 1);
          for (const text of [file, file.slice(0, pos) + noise + file.slice(pos)]) {
            const p = parseProgram(text, "m.yaml");
            for (const d of p.body) {
              expect(d.range[0]).toBeGreaterThanOrEqual(0);
              expect(d.range[1]).toBeLessThanOrEqual(text.length);
              for (const e of [...d.errors, ...d.warnings]) expect(e.range[1]).toBeLessThanOrEqual(text.length + 1);
              walk(d.content, (n) => {
                expect(n.range[0]).toBeGreaterThanOrEqual(0);
                expect(n.range[1]).toBeLessThanOrEqual(text.length);
                expect(n.range[0]).toBeLessThanOrEqual(n.range[1]);
              });
            }
            for (const c of p.comments) expect(text[c.range[0]]).toBe("#");
          }
        }),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    "duplicate keys: the linear check reports exactly what the library's pairwise check reports",
    () => {
      fc.assert(
        fc.property(dupProneMap, (text) => {
          const ours = parseProgram(text, "m.yaml").body.flatMap((d) => d.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.range[0]));
          const docs = [...new Composer({ version: "1.1", uniqueKeys: true }).compose(new Parser().parse(text), true, text.length)];
          const theirs = docs.flatMap((d) => d.errors.filter((e) => e.code === "DUPLICATE_KEY").map((e) => e.pos[0]));
          expect(ours.sort((a, b) => a - b)).toEqual(theirs.sort((a, b) => a - b));
        }),
        params(),
      );
    },
    TIMEOUT,
  );

  it(
    "every fix: re-parses clean, edits only its range (CRLF and comments kept), and --fix reaches a fixed point",
    () => {
      fc.assert(
        fc.property(manifestFile, (file) => {
          // ESLint strips a BOM before linting; fix ranges are offsets into the text without it.
          const text = file.replace(/^\uFEFF/u, "");
          const crlf = text.includes("\r\n");
          const baseErrors = errorCount(text);
          const messages = linter.verify(text, config, FILE);
          expect(messages.filter((m) => m.fatal)).toEqual([]);
          const originalComments = parseProgram(text, "m.yaml").comments;
          for (const m of messages) {
            if (!m.fix) continue;
            const [a, b] = m.fix.range;
            expect(a).toBeGreaterThanOrEqual(0);
            expect(b).toBeLessThanOrEqual(text.length);
            const out = text.slice(0, a) + m.fix.text + text.slice(b);
            // Re-parses without new errors.
            expect(errorCount(out), `${m.ruleId}: ${JSON.stringify(m.fix)}`).toBeLessThanOrEqual(baseErrors);
            // Line endings: a CRLF file gets no bare LF.
            if (crlf) expect(m.fix.text.replace(/\r\n/gu, ""), `${m.ruleId} inserts a bare LF`).not.toMatch(/\n/u);
            // Comments outside the edit survive.
            const kept = originalComments.filter((c) => c.range[1] < a || c.range[0] >= b).map((c) => c.value);
            const after = parseProgram(out, "m.yaml").comments.map((c) => c.value);
            for (const c of kept) expect(after, `${m.ruleId} removed a comment`).toContain(c);
          }
          // The whole --fix pipeline (ESLint's multi-pass fixer): a fixed point, clean, BOM/EOL kept.
          const fixed = linter.verifyAndFix(file, config, FILE);
          if (file !== text) expect(fixed.output.startsWith("\uFEFF"), "BOM kept").toBe(true);
          expect(errorCount(fixed.output)).toBeLessThanOrEqual(baseErrors);
          const again = linter.verifyAndFix(fixed.output, config, FILE);
          expect(again.fixed, "a second --fix changed the text").toBe(false);
          if (crlf) expect(fixed.output.replace(/\r\n/gu, "")).not.toMatch(/\n/u);
        }),
        { ...params(), numRuns: FIX_RUNS },
      );
    },
    Math.max(60_000, FIX_RUNS * 2_000),
  );
});
