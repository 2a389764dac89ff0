/**
 * @fileoverview Baselines (the Checkov `.checkov.baseline` / ESLint `eslint-suppressions.json`
 * model): `kubeguard --baseline-create` records the current findings; `--baseline <file>` then
 * reports only findings that are not in it. Baselined findings move to `suppressedMessages` with a
 * suppression of kind `baseline`, so formatters can still count them.
 *
 * A finding's fingerprint survives line moves: it is built from the rule id, the file (relative to
 * the baseline file's folder, `/`-separated), the resource identity (kind/namespace/name; the
 * document index only for unnamed documents) and the reported node's text with whitespace
 * normalised — never from line or column. Identical fingerprints (e.g. two identical containers)
 * are counted: a baseline entry with count 2 absorbs two such findings, a third is new.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = ".kubeguard-baseline.json";

export interface BaselineEntry {
  ruleId: string;
  file: string;
  /** `Kind/namespace/name` (namespace empty when unset), or `#<docIndex>` for documents without identity. */
  resource: string;
  fingerprint: string;
  count: number;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: "kubeguard";
  findings: BaselineEntry[];
}

/** The parts of a lint message a fingerprint reads. */
export interface FingerprintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  resource?: { kind: string | null; namespace: string | null; name: string | null; docIndex: number } | null;
  suppressions?: { kind: string; justification: string }[];
}

export interface FingerprintResult<M extends FingerprintMessage = FingerprintMessage> {
  filePath: string;
  messages: M[];
  suppressedMessages: M[];
}

/** A baseline problem: usage error (exit 2). */
export class BaselineError extends Error {
  override name = "BaselineError";
}

const bare = (ruleId: string): string => (ruleId.startsWith("kubeguard/") ? ruleId.slice("kubeguard/".length) : ruleId);

function resourceKey(m: FingerprintMessage): string {
  const r = m.resource;
  if (!r) return "";
  if (r.kind && r.name) return `${r.kind}/${r.namespace ?? ""}/${r.name}`;
  return `${r.kind ?? ""}#${r.docIndex}`;
}

/** Offsets of the line starts of a text (\n, \r\n and \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The reported text, whitespace-normalised (indentation and line breaks do not matter). */
export function reportedText(text: string, starts: number[], m: FingerprintMessage): string {
  const at = (line: number, column: number): number => Math.min(text.length, (starts[line - 1] ?? text.length) + column - 1);
  const start = at(m.line, m.column);
  let end: number;
  if (m.endLine !== undefined && m.endColumn !== undefined) end = at(m.endLine, m.endColumn);
  else {
    const next = starts[m.line];
    end = next ?? text.length;
  }
  return text.slice(start, Math.max(start, end)).replace(/\s+/gu, " ").trim();
}

/** The fingerprint of one finding. */
export function fingerprint(ruleId: string, file: string, resource: string, normalisedText: string): string {
  return createHash("sha256").update(`${bare(ruleId)}\0${file}\0${resource}\0${normalisedText}`).digest("hex").slice(0, 32);
}

/** A file's path as recorded in a baseline: relative to the baseline's folder, `/`-separated. */
export function baselinePath(filePath: string, baselineDir: string): string {
  return relative(baselineDir, filePath).split(sep).join("/") || filePath;
}

interface Keyed {
  ruleId: string;
  file: string;
  resource: string;
  fingerprint: string;
}

function keyedMessages<M extends FingerprintMessage>(result: FingerprintResult<M>, baselineDir: string, textOf: (filePath: string) => string | null): { message: M; key: Keyed }[] {
  const withRule = result.messages.filter((m) => m.ruleId);
  if (!withRule.length) return [];
  const text = textOf(result.filePath) ?? "";
  const starts = lineStarts(text);
  const file = baselinePath(result.filePath, baselineDir);
  return withRule.map((message) => {
    const ruleId = bare(message.ruleId!);
    const resource = resourceKey(message);
    return { message, key: { ruleId, file, resource, fingerprint: fingerprint(ruleId, file, resource, reportedText(text, starts, message)) } };
  });
}

/** Build a baseline from lint results (their unsuppressed findings). */
export function createBaseline(results: FingerprintResult[], baselineDir: string, textOf: (filePath: string) => string | null): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const r of results) {
    for (const { key } of keyedMessages(r, baselineDir, textOf)) {
      const e = entries.get(key.fingerprint);
      if (e) e.count++;
      else entries.set(key.fingerprint, { ...key, count: 1 });
    }
  }
  const findings = [...entries.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.resource, b.resource) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: "kubeguard", findings };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function serializeBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Read and validate a baseline file. */
export function readBaseline(path: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new BaselineError(`cannot read the baseline ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}); create it with --baseline-create`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${path}: not a kubeguard baseline (invalid JSON: ${(err as Error).message})`);
  }
  const v = value as Partial<BaselineFile>;
  if (!v || typeof v !== "object" || v.tool !== "kubeguard" || v.version !== BASELINE_VERSION || !Array.isArray(v.findings)) {
    throw new BaselineError(`${path}: not a kubeguard baseline (expected { "version": ${BASELINE_VERSION}, "tool": "kubeguard", "findings": [...] })`);
  }
  v.findings.forEach((f, i) => {
    if (!f || typeof f.fingerprint !== "string" || typeof f.count !== "number" || f.count < 1) throw new BaselineError(`${path}: findings[${i}]: expected { ruleId, file, resource, fingerprint, count }`);
  });
  return v as BaselineFile;
}

export interface ApplyOutcome {
  /** Findings the baseline absorbed. */
  baselined: number;
  /** Baseline entries (counted) that matched nothing any more: fixed since the baseline was made. */
  stale: number;
}

/**
 * Move the findings the baseline covers from `messages` to `suppressedMessages` (in place), with a
 * `baseline` suppression. Only files linted in this run can match (a partial run leaves the rest of
 * the baseline alone); stale entries are counted for the files that were linted.
 */
export function applyBaseline<M extends FingerprintMessage>(
  results: FingerprintResult<M>[],
  baseline: BaselineFile,
  baselineDir: string,
  textOf: (filePath: string) => string | null,
  justification: string,
): ApplyOutcome {
  const remaining = new Map<string, number>();
  for (const f of baseline.findings) remaining.set(f.fingerprint, (remaining.get(f.fingerprint) ?? 0) + f.count);
  const linted = new Set<string>();
  let baselined = 0;
  for (const r of results) {
    linted.add(baselinePath(r.filePath, baselineDir));
    const absorbed = new Set<M>();
    for (const { message, key } of keyedMessages(r, baselineDir, textOf)) {
      const left = remaining.get(key.fingerprint) ?? 0;
      if (left <= 0) continue;
      remaining.set(key.fingerprint, left - 1);
      absorbed.add(message);
    }
    if (!absorbed.size) continue;
    baselined += absorbed.size;
    r.messages = r.messages.filter((m) => !absorbed.has(m));
    for (const m of absorbed) m.suppressions = [...(m.suppressions ?? []), { kind: "baseline", justification }];
    r.suppressedMessages = [...r.suppressedMessages, ...absorbed];
  }
  let stale = 0;
  for (const f of baseline.findings) {
    if (!linted.has(f.file)) continue;
    const left = remaining.get(f.fingerprint) ?? 0;
    if (left > 0) {
      stale += Math.min(left, f.count);
      remaining.set(f.fingerprint, left - Math.min(left, f.count));
    }
  }
  return { baselined, stale };
}

export interface BaselineCliOptions {
  /** `--baseline <file>`. */
  baseline?: string;
  /** `--baseline-create` (true: default file, or the `--baseline` file) or `--baseline-create=<file>`. */
  create?: string | true;
}

/**
 * The CLI step: create and/or apply a baseline to raw lint results (ESLint's shape, before
 * conversion), writing notes to `stderr`. Returns nothing; mutates the results.
 */
export function runBaselineStep<M extends FingerprintMessage>(
  results: FingerprintResult<M>[],
  options: BaselineCliOptions,
  cwd: string,
  textOf: (filePath: string) => string | null,
  writeFile: (path: string, text: string) => void,
  stderr: { write(text: string): unknown },
): void {
  if (!options.baseline && !options.create) return;
  const path = resolve(cwd, typeof options.create === "string" ? options.create : (options.baseline ?? DEFAULT_BASELINE_FILE));
  const dir = dirname(path);
  const display = relative(cwd, path).split(sep).join("/") || path;
  if (options.create) {
    const created = createBaseline(results, dir, textOf);
    mkdirSync(dir, { recursive: true });
    writeFile(path, serializeBaseline(created));
    const total = created.findings.reduce((n, f) => n + f.count, 0);
    stderr.write(`kubeguard: wrote ${total} finding${total === 1 ? "" : "s"} to the baseline ${display}\n`);
    applyBaseline(results, created, dir, textOf, `baseline ${display}`);
    return;
  }
  const baseline = readBaseline(path);
  const outcome = applyBaseline(results, baseline, dir, textOf, `baseline ${display}`);
  if (outcome.stale > 0) {
    stderr.write(`kubeguard: ${outcome.stale} baseline finding${outcome.stale === 1 ? " is" : "s are"} fixed; run with --baseline-create to shrink ${display}\n`);
  }
}
