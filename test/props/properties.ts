/**
 * @fileoverview Property tests (fast-check) over generated Kubernetes-shaped YAML in random styles:
 * the parser never throws and every position lies inside the text; our linear duplicate-key check
 * agrees with the `yaml` library's own; and every fix (all rules, hardening applied as under
 * `kubeguard --fix`) re-parses without new errors, changes only its declared range, keeps CRLF
 * and comments outside it, and the fixed file is a fixed point (a second --fix changes nothing).
 *
 * The cases are split into SHARDS files (shard-N.test.ts) that run in parallel; `properties(n)`
 * defines shard n's share of every property, with the shard's own seed (in the suite's title and
 * printed when the shard starts; fast-check also prints seed and path on failure). Replay a failure
 * with KUBEGUARD_PROPS_SEED=<seed> (shard 0 then runs that seed). Sizes: see generators.ts.
 * The hot loops test plainly and call `assert.fail` only on a failure: an `expect(…)` costs tens
 * of microseconds, and the parser property made ~450 of them a case (most of its time).
 */
import fc from "fast-check";
import { Linter } from "eslint";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { Composer, Parser } from "yaml";
import { assert, describe, expect, it } from "vitest";
import plugin, { presetRules } from "../../src/eslint/index.js";
import { parseProgram } from "../../src/language/language.js";
import type { CommentToken, YamlNode } from "../../src/language/ast.js";
import { dupProneMap, FIX_RUNS, manifestFile, params, RUNS, SHARDS, shardRuns, shardSeed } from "./generators.js";

const rawConfig = [
  {
    files: ["**/*.yaml"],
    plugins: { kubeguard: plugin },
    language: "kubeguard/k8s",
    settings: { kubeguard: { applyHardening: true } },
    rules: presetRules("all"),
  },
] as unknown as Linter.Config[];

/**
 * The config, normalized once. Given a plain array, `Linter#verify` builds a FlatConfigArray and
 * validates every rule's options on every call (a fifth of each lint with ~400 rules, and a fix
 * case lints ~7 times); given a FlatConfigArray it uses it as it is — what the ESLint class (and
 * so `kubeguard`) does. ESLint does not export the class: it is loaded from its file, and the
 * plain array (same results, slower) is used if that ever moves.
 */
function normalizedConfig(): Linter.Config[] {
  try {
    const require = createRequire(import.meta.url);
    const { FlatConfigArray } = require(join(dirname(require.resolve("eslint")), "config", "flat-config-array.js")) as {
      FlatConfigArray: new (c: unknown, o: { basePath: string }) => Linter.Config[] & { normalizeSync(): void };
    };
    const array = new FlatConfigArray(rawConfig, { basePath: process.cwd() });
    array.normalizeSync();
    return array;
  } catch (err) {
    console.warn(`test/props: ESLint's FlatConfigArray not found (${(err as Error).message}); linting with a plain config array (slower)`);
    return rawConfig;
  }
}
const config = normalizedConfig();

/**
 * One Linter. `passes` records what each `verify` returns: `verifyAndFix` (ESLint's --fix loop)
 * calls `this.verify` once per pass, so its first entry holds the fixes every rule declares on
 * the original text, without linting that text a second time.
 */
const linter = new Linter({ configType: "flat" });
let passes: Linter.LintMessage[][] = [];
const verify = linter.verify.bind(linter);
linter.verify = ((...args: Parameters<Linter["verify"]>) => {
  const messages = verify(...args);
  passes.push(messages);
  return messages;
}) as Linter["verify"];
/**
 * `kubeguard --fix` (src/cli/engine.ts): rules' fixes only, never unused-directive removals. (The
 * ESLint class passes this predicate on as is; Linter's types only declare a boolean.)
 */
const FIX = { filename: "m.yaml", fix: ((m: Linter.LintMessage): boolean => m.ruleId !== null) as unknown as boolean };

function walk(node: YamlNode | null, visit: (n: YamlNode) => void): void {
  if (!node) return;
  visit(node);
  if (node.type === "Map") for (const p of node.pairs) (walk(p.key, visit), walk(p.value, visit));
  else if (node.type === "Seq") for (const it of node.items) walk(it, visit);
}

/** One parse of a text (without its BOM, as ESLint reads it): its YAML error count and comments. */
function reparse(text: string): { errors: number; comments: CommentToken[] } {
  const p = parseProgram(text.replace(/^\uFEFF/u, ""), "m.yaml");
  return { errors: p.body.reduce((n, d) => n + d.errors.length, 0), comments: p.comments };
}

/** Shard `shard` (0-based) of every property. */
export function properties(shard: number): void {
  const seed = shardSeed(shard);
  const runs = shardRuns(RUNS, shard);
  const fixRuns = shardRuns(FIX_RUNS, shard);
  const title = `properties, shard ${shard + 1}/${SHARDS} (seed ${seed}; ${runs} runs, fixes ${fixRuns})`;
  console.log(`${title}: replay with KUBEGUARD_PROPS_SEED=${seed}`);
  // ~40 ms per parser case, ~2 s per fix case at most (a loaded machine): generous, never hit.
  const timeout = Math.max(60_000, runs * 40);

  describe(title, () => {
    it(
      "the parser never throws; every range and comment lies inside the text",
      () => {
        fc.assert(
          fc.property(manifestFile, fc.string({ maxLength: 40 }), fc.nat(), (file, noise, at) => {
            // Also a random splice of noise: broken input must not throw either.
            const pos = at % (file.length + 1);
            for (const text of [file, file.slice(0, pos) + noise + file.slice(pos)]) {
              const p = parseProgram(text, "m.yaml");
              const n = text.length;
              for (const d of p.body) {
                if (!(d.range[0] >= 0 && d.range[1] <= n)) assert.fail(`document ${d.index} range ${JSON.stringify(d.range)} outside [0, ${n}]`);
                for (const e of [...d.errors, ...d.warnings]) if (!(e.range[1] <= n + 1)) assert.fail(`${e.code} range ${JSON.stringify(e.range)} past ${n + 1}`);
                walk(d.content, (node) => {
                  const [a, b] = node.range;
                  if (!(a >= 0 && b <= n && a <= b)) assert.fail(`${node.type} range ${JSON.stringify(node.range)} not inside [0, ${n}]`);
                });
              }
              for (const c of p.comments) if (text[c.range[0]] !== "#") assert.fail(`comment at ${c.range[0]} does not start with #: ${JSON.stringify(text[c.range[0]])}`);
            }
          }),
          params(runs, seed),
        );
      },
      timeout,
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
          params(runs, seed),
        );
      },
      timeout,
    );

    it(
      "every fix: re-parses clean, edits only its range (CRLF and comments kept), and --fix reaches a fixed point",
      () => {
        const started = performance.now();
        const cpu = process.cpuUsage();
        fc.assert(
          fc.property(manifestFile, (file) => {
            // ESLint strips a BOM before linting; fix ranges are offsets into the text without it.
            const text = file.replace(/^\uFEFF/u, "");
            const crlf = text.includes("\r\n");
            const original = reparse(text);
            // The whole --fix pipeline (ESLint's multi-pass fixer, as `kubeguard --fix` runs it).
            passes = [];
            const fixed = linter.verifyAndFix(file, config, FIX);
            // Pass 1 linted `file` as it is (ESLint strips the BOM itself): every rule's fixes.
            expect(passes.length, "verifyAndFix linted through Linter#verify").toBeGreaterThan(0);
            const messages = passes[0]!;
            expect(messages.filter((m) => m.fatal)).toEqual([]);
            // Two fixes that produce the same text share its parse (the parser is deterministic).
            const parsed = new Map<string, ReturnType<typeof reparse>>();
            for (const m of messages) {
              if (!m.fix) continue;
              const [a, b] = m.fix.range;
              if (!(a >= 0 && a <= b && b <= text.length)) assert.fail(`${m.ruleId}: fix range ${JSON.stringify(m.fix.range)} outside [0, ${text.length}]`);
              // Line endings: a CRLF file gets no bare LF.
              if (crlf && /\n/u.test(m.fix.text.replace(/\r\n/gu, ""))) assert.fail(`${m.ruleId} inserts a bare LF: ${JSON.stringify(m.fix)}`);
              const out = text.slice(0, a) + m.fix.text + text.slice(b);
              let after = parsed.get(out);
              if (!after) parsed.set(out, (after = reparse(out)));
              // Re-parses without new errors.
              if (after.errors > original.errors) assert.fail(`${m.ruleId}: ${after.errors} YAML errors after ${JSON.stringify(m.fix)}, ${original.errors} before`);
              // Comments outside the edit survive.
              const values = new Set(after.comments.map((c) => c.value));
              for (const c of original.comments) {
                if ((c.range[1] < a || c.range[0] >= b) && !values.has(c.value)) assert.fail(`${m.ruleId} removed the comment ${JSON.stringify(c.value)}: ${JSON.stringify(m.fix)}`);
              }
            }
            // --fix: clean, BOM and line endings kept, and a fixed point (a second --fix changes nothing).
            if (file !== text) expect(fixed.output.startsWith("\uFEFF"), "BOM kept").toBe(true);
            expect(reparse(fixed.output).errors).toBeLessThanOrEqual(original.errors);
            const again = linter.verifyAndFix(fixed.output, config, FIX);
            expect(again.fixed, "a second --fix changed the text").toBe(false);
            if (crlf) expect(fixed.output.replace(/\r\n/gu, "")).not.toMatch(/\n/u);
          }),
          params(fixRuns, seed),
        );
        // The time a case takes (npm run test:props runs each shard in its own process, where
        // process.cpuUsage() is this shard's CPU time; in a worker thread it would be everyone's).
        const used = process.cpuUsage(cpu);
        const wall = performance.now() - started;
        const ms = (n: number): string => (n / Math.max(1, fixRuns)).toFixed(1);
        const cpuNote = isMainThread ? `; CPU ${ms((used.user + used.system) / 1000)} ms a case` : "";
        console.log(`${title}: ${fixRuns} fix cases in ${(wall / 1000).toFixed(1)} s (${ms(wall)} ms a case${cpuNote})`);
      },
      Math.max(60_000, fixRuns * 2_000),
    );
  });
}
