/**
 * @fileoverview How the CLI runs ESLint over its files: in this thread, or in a pool of worker
 * threads (both cores, DESIGN §9), with an optional result cache (`--cache`, src/cli/cache.ts).
 *
 * The files are cut into chunks by a deterministic rule (file count and bytes); every chunk is
 * linted by `lintChunk`, in this thread or in a worker (src/cli/worker.ts, which calls the same
 * `createChunkLinter`), and the outcomes are put back in chunk order. So the serial and the
 * parallel run return the same results in the same order (test/perf proves it).
 *
 * A chunk's outcome carries, per file, ESLint's result (with kubeguard's `resource` on each
 * message, attached by the processor in the linting thread), the number of Kubernetes objects the
 * language found (the span listener runs in the linting thread and cannot reach the main thread,
 * so it is counted here and sent back) and the severity levels that apply to the file (so the main
 * thread needs no ESLint instance of its own in a parallel or cached run).
 *
 * Workers are created from serialisable inputs only (`LintSpec`: the loaded configuration and the
 * compile options); each worker compiles the same ESLint configuration itself.
 */
import { availableParallelism } from "node:os";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ESLint as ESLintClass, Linter } from "eslint";
import type { Severity } from "../rule.js";
import type { KubeguardConfig } from "../config/index.js";
import type { CompileOptions } from "../config/compile.js";
import type { RawResult } from "./main.js";
import type { CrossFile } from "../crossdoc/run.js";

/** Everything a thread needs to build the run's ESLint instance (structured-cloneable). */
export interface LintSpec {
  eslintCwd: string;
  config: KubeguardConfig;
  compile: CompileOptions;
  /** `--fix` / `--fix-dry-run`: ESLint applies the rules' fixes (never unused-directive removals). */
  fixing: boolean;
}

/** One file's outcome. */
export interface FileOutcome {
  result: RawResult;
  /** Kubernetes objects the language found (null: no span record, e.g. a systemd unit). */
  objects: number | null;
  /** The severity overrides that apply to the file (empty when it has no messages and no facts). */
  levels: Record<string, Severity>;
  /** When cross-document rules ran on the file: its facts and those rules' settings (src/crossdoc). */
  cross?: CrossFile;
}

/** `--concurrency`: a number of worker threads, `auto`, or `off` (this thread). */
export type Concurrency = number | "auto" | "off";

/** A lint function for chunks of files, bound to one ESLint instance. */
export interface ChunkLinter {
  lintChunk(files: string[]): Promise<FileOutcome[]>;
  lintText(text: string, filePath: string): Promise<FileOutcome[]>;
}

/** Build the run's ESLint instance in the current thread (main thread or a worker). */
export async function createChunkLinter(spec: LintSpec): Promise<ChunkLinter> {
  const [{ ESLint }, { compileConfig, levelsFromConfig }, { setSpanListener }, { FactCollector, setCollector }] = await Promise.all([
    import("eslint"),
    import("../config/compile.js"),
    import("../eslint/processor.js"),
    import("../crossdoc/runtime.js"),
  ]);
  const eslint: ESLintClass = new ESLint({
    cwd: spec.eslintCwd,
    overrideConfigFile: true,
    overrideConfig: compileConfig(spec.config, spec.compile) as Linter.Config[],
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    // Never apply the removal of unused suppressions (ruleId null), only rules' fixes.
    fix: spec.fixing ? (m: Linter.LintMessage) => m.ruleId !== null : false,
  });

  const finish = async (results: RawResult[], objectCounts: Map<string, number>, collector: InstanceType<typeof FactCollector>): Promise<FileOutcome[]> => {
    const out: FileOutcome[] = [];
    for (const result of results) {
      const collected = collector.take(result.filePath);
      const needConfig = result.messages.length > 0 || result.suppressedMessages.length > 0 || collected !== undefined;
      const config = needConfig ? ((await eslint.calculateConfigForFile(result.filePath)) as { rules?: Record<string, unknown>; settings?: Record<string, unknown> } | undefined) : undefined;
      const levels = needConfig ? levelsFromConfig(config) : {};
      const outcome: FileOutcome = { result, objects: objectCounts.get(result.filePath) ?? null, levels };
      if (collected) outcome.cross = { facts: collected.facts, rules: crossRuleSettings(config?.rules ?? {}, collected.rules), settings: collected.settings };
      out.push(outcome);
    }
    return out;
  };

  /**
   * Run `lint` with a span listener that counts objects per file and a collector of the
   * cross-document rules' facts (the last pass of a file wins for both).
   */
  const counting = async (lint: () => Promise<ESLintClass.LintResult[]>): Promise<{ results: RawResult[]; counts: Map<string, number>; collector: InstanceType<typeof FactCollector> }> => {
    const counts = new Map<string, number>();
    const collector = new FactCollector();
    const previous = setSpanListener((filename, spans) => {
      counts.set(filename, spans.reduce((n, d) => n + d.resources.length, 0));
    });
    const previousCollector = setCollector(collector);
    try {
      return { results: (await lint()) as RawResult[], counts, collector };
    } finally {
      setSpanListener(previous);
      setCollector(previousCollector);
    }
  };

  return {
    async lintChunk(files) {
      const { results, counts, collector } = await counting(() => eslint.lintFiles(files));
      // Results in the order of the chunk's files, whatever order ESLint returned them in.
      const position = new Map(files.map((f, i) => [f, i]));
      const ordered = results
        .map((r, i) => ({ r, key: position.get(r.filePath) ?? files.length + i }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.r);
      // ESLint keeps the text of every file with messages in `result.source` (14 M characters
      // over the corpus, sent from workers and kept to the end). For a file read from disk it is
      // the file's text (`readFileSync(path, "utf8")`), which the one reader of it (the `lsp`
      // formatter's fix offsets) reads back itself when it is absent: drop it. `lintText` keeps it
      // (stdin and rendered text exist nowhere else).
      for (const r of ordered) if (r.output === undefined) delete (r as { source?: string }).source;
      return finish(ordered, counts, collector);
    },
    async lintText(text, filePath) {
      const { results, counts, collector } = await counting(() => eslint.lintText(text, { filePath, warnIgnored: false }));
      return finish(results, counts, collector);
    },
  };
}

/** The severity and options of each cross-document rule that ran on a file, from its ESLint config. */
export function crossRuleSettings(rules: Record<string, unknown>, ran: string[]): CrossFile["rules"] {
  // Files that share a configuration (ESLint hands them one rules object) share one settings
  // object (read-only): one per file was ~29 MB of the corpus's live heap.
  const key = ran.join("\u0000");
  let byRan = settingsByRules.get(rules);
  const hit = byRan?.get(key);
  if (hit) return hit;
  const out = computeCrossRuleSettings(rules, ran);
  if (!byRan) settingsByRules.set(rules, (byRan = new Map()));
  byRan.set(key, out);
  return out;
}
const settingsByRules = new WeakMap<object, Map<string, CrossFile["rules"]>>();

function computeCrossRuleSettings(rules: Record<string, unknown>, ran: string[]): CrossFile["rules"] {
  const out: CrossFile["rules"] = {};
  for (const qualified of ran) {
    const entry = rules[qualified];
    const [level, ...options] = Array.isArray(entry) ? entry : [entry];
    const severity = level === 2 || level === "error" ? 2 : level === 1 || level === "warn" ? 1 : 0;
    if (severity) out[qualified.slice("kubeguard/".length)] = { severity, options };
  }
  return out;
}

/** Files per chunk at most, and bytes per chunk (a chunk is closed once it reaches either). */
export const CHUNK_FILES = 100;
export const CHUNK_BYTES = 512 * 1024;
/** Below this many bytes per worker, starting a worker (~0.3 s of imports) does not pay. */
const BYTES_PER_WORKER = 2 * 1024 * 1024;

/** Cut the files into chunks: deterministic, in order, so every run sees the same chunks. */
export function chunkFiles(files: string[], sizes: number[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    current.push(f);
    bytes += sizes[i] ?? 0;
    if (current.length >= CHUNK_FILES || bytes >= CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length) chunks.push(current);
  return chunks;
}

/** How many worker threads to use (0: lint in this thread). */
export function workerCount(concurrency: Concurrency, chunks: number, totalBytes: number, cores = availableParallelism()): number {
  if (concurrency === "off") return 0;
  const wanted = concurrency === "auto" ? Math.min(cores, Math.floor(totalBytes / BYTES_PER_WORKER)) : concurrency;
  const n = Math.min(wanted, chunks);
  return n >= 2 || (concurrency !== "auto" && n >= 1) ? n : 0;
}

/**
 * The worker script. From dist/ it is the compiled neighbour; when this module runs from the
 * TypeScript sources (vitest), it is the compiled copy in dist/ (Node 20 cannot run .ts workers);
 * in the bundled CLI (dist/kubeguard.cjs), the compiled copy beside the bundle.
 */
function workerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith(".cjs")) return new URL("./src/cli/worker.js", here);
  return here.endsWith(".ts") ? new URL("../../dist/src/cli/worker.js", here) : new URL("./worker.js", here);
}


/** Lint chunks in `count` worker threads; outcomes in chunk order. */
async function lintInWorkers(spec: LintSpec, chunks: string[][], count: number, onChunk?: (files: number) => void): Promise<FileOutcome[][]> {
  const { Worker } = await import("node:worker_threads");
  const outcomes: FileOutcome[][] = new Array(chunks.length);
  const workers: InstanceType<typeof Worker>[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let running = 0;
      let failed = false;
      const fail = (err: unknown): void => {
        if (failed) return;
        failed = true;
        rejectAll(err);
      };
      const feed = (worker: InstanceType<typeof Worker>): void => {
        if (failed) return;
        if (next >= chunks.length) {
          running--;
          if (running === 0) resolveAll();
          return;
        }
        const index = next++;
        worker.postMessage({ index, files: chunks[index] });
      };
      for (let i = 0; i < count; i++) {
        const worker = new Worker(fileURLToPath(workerUrl()), {
          workerData: { spec },
          // No larger young generation (resourceLimits): measured, it cost memory and saved no
          // time here (docs/benchmarks.md).
          stdout: false,
          stderr: false,
        });
        workers.push(worker);
        running++;
        worker.on("message", (msg: { index: number; outcomes?: FileOutcome[]; error?: { message: string; stack?: string } }) => {
          if (msg.error !== undefined) {
            const err = new Error(msg.error.message);
            if (msg.error.stack) err.stack = msg.error.stack;
            return fail(err);
          }
          outcomes[msg.index] = msg.outcomes!;
          onChunk?.(chunks[msg.index]!.length);
          feed(worker);
        });
        worker.on("error", fail);
        worker.on("exit", (code) => {
          if (code !== 0) fail(new Error(`kubeguard worker exited with code ${code}`));
        });
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

export interface LintRunOptions {
  spec: LintSpec;
  files: string[];
  concurrency: Concurrency;
  /** `--cache`: the cache file, or null. Ignored while fixing. */
  cacheLocation: string | null;
  /** Reads stdin (only called when `stdinPath` is set). */
  readStdin?: () => Promise<string>;
  stdinPath?: string | null;
  /** Progress: files done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface LintRunOutput {
  raw: RawResult[];
  objectCounts: Map<string, number>;
  /** The severity levels that apply to each file, by path. */
  levels: Map<string, Record<string, Severity>>;
  stdinText: string;
  /** Facts of the files on which cross-document rules ran, by path. */
  cross: Map<string, CrossFile>;
  /** Files whose results came from the cache. */
  cached: number;
  /** Worker threads used (0: this thread). */
  workers: number;
}

/** Lint the run's files (and stdin): parallel or serial, cached or not; results in file order. */
export async function lintRun(options: LintRunOptions): Promise<LintRunOutput> {
  const { spec, files } = options;
  const useCache = options.cacheLocation !== null && !spec.fixing;
  const cache = useCache ? await (await import("./cache.js")).openCache(options.cacheLocation!, spec) : null;

  // Which files need linting (cache misses), with their sizes for chunking.
  const outcomeOf = new Map<string, FileOutcome>();
  const todo: string[] = [];
  const sizes: number[] = [];
  for (const file of files) {
    const hit = cache?.lookup(file);
    if (hit) {
      outcomeOf.set(file, hit);
      continue;
    }
    todo.push(file);
    let size = cache?.sizeOf(file);
    if (size === undefined) {
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
    }
    sizes.push(size);
  }

  const chunks = chunkFiles(todo, sizes);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  // A bundled copy (e.g. the GitHub Action's single file) may have no worker script: lint here.
  const count = existsSync(fileURLToPath(workerUrl())) ? workerCount(options.concurrency, chunks.length, totalBytes) : 0;
  let done = files.length - todo.length;
  const progress = (n: number): void => {
    done += n;
    options.onProgress?.(done, files.length);
  };

  let local: ChunkLinter | null = null;
  const localLinter = async (): Promise<ChunkLinter> => (local ??= await createChunkLinter(spec));
  let chunkOutcomes: FileOutcome[][];
  if (count > 0) {
    chunkOutcomes = await lintInWorkers(spec, chunks, count, progress);
  } else {
    chunkOutcomes = [];
    for (const chunk of chunks) {
      chunkOutcomes.push(await (await localLinter()).lintChunk(chunk));
      progress(chunk.length);
    }
  }
  // Every linted file's outcome, keyed by path; files ESLint skipped have none.
  const linted = chunkOutcomes.flat();
  for (const o of linted) {
    outcomeOf.set(o.result.filePath, o);
    cache?.store(o.result.filePath, o);
  }
  // File order as given; then results ESLint returned under another path (none expected).
  const outcomes: FileOutcome[] = [];
  const given = new Set(files);
  for (const file of files) {
    const o = outcomeOf.get(file);
    if (o) outcomes.push(o);
  }
  for (const o of linted) if (!given.has(o.result.filePath)) outcomes.push(o);

  let stdinText = "";
  if (options.stdinPath) {
    stdinText = options.readStdin ? await options.readStdin() : "";
    outcomes.push(...(await (await localLinter()).lintText(stdinText, options.stdinPath)));
  }
  cache?.save();

  const objectCounts = new Map<string, number>();
  const levels = new Map<string, Record<string, Severity>>();
  const cross = new Map<string, CrossFile>();
  for (const o of outcomes) {
    if (o.objects !== null) objectCounts.set(o.result.filePath, o.objects);
    levels.set(o.result.filePath, o.levels);
    if (o.cross) cross.set(o.result.filePath, o.cross);
  }
  return { raw: outcomes.map((o) => o.result), objectCounts, levels, stdinText, cross, cached: files.length - todo.length, workers: count };
}
