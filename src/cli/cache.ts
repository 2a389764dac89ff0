/**
 * @fileoverview `--cache`: results of unchanged files are reused, so a repeated run on an unchanged
 * tree reads and hashes the files and does no parsing or linting.
 *
 * One JSON file (default `.kubeguardcache` in the current folder; `--cache-location`). It is
 * valid for one *run key*: kubeguard's version, a fingerprint of its code (the bytes of every
 * compiled module: a changed kubeguard never reuses stale results), ESLint's version, and
 * the whole run specification (configuration, presets, `--rule`, Kubernetes version, ESLint's
 * cwd). A different key discards every entry. Each entry is keyed by absolute path and holds the
 * SHA-1 of the file's bytes and its outcome: ESLint's result (with `resource` etc.), the object
 * count and the severity levels. `source` (the text ESLint keeps for files with messages) is
 * not stored when it equals the file's text; it is restored from the bytes just hashed.
 *
 * Why not ESLint's own cache (`cache: true`): ESLint restores the result, but kubeguard also
 * needs what the processor learns while parsing (the object count per file, for "no Kubernetes
 * objects found") and the per-file levels, and the results come from worker threads that ESLint's
 * cache does not know about. Fixing runs (`--fix`, `--fix-dry-run`) never use the cache.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../version.js";
import type { FileOutcome, LintSpec } from "./engine.js";

export const DEFAULT_CACHE_FILE = ".kubeguardcache";
const FORMAT = 2;

interface Entry {
  /** SHA-1 of the file's bytes. */
  h: string;
  /** The outcome, `result.source` removed when `s` is 1; messages' `resource`/`keyPath` as indexes into `r`/`k`. */
  o: FileOutcome;
  /** 1: `source` was the file's text; 0: no `source`; a string: `source` itself. */
  s: 0 | 1 | string;
  /** The distinct `resource` objects of the file's messages (most messages of an object share one). */
  r?: unknown[];
  /** The distinct `keyPath` arrays of the file's messages. */
  k?: unknown[];
}

type Interned = Record<string, unknown> & { resource?: unknown; keyPath?: unknown };

/** Each message's `resource` and `keyPath` → an index into one table per file (a third of the cache's bytes). */
function intern(entry: Entry): void {
  const tables = { resource: new Map<string, number>(), keyPath: new Map<string, number>() };
  const r: unknown[] = [];
  const k: unknown[] = [];
  const put = (m: Interned, field: "resource" | "keyPath", list: unknown[]): void => {
    if (!(field in m)) return;
    const json = JSON.stringify(m[field]);
    let i = tables[field].get(json);
    if (i === undefined) {
      i = list.length;
      list.push(m[field]);
      tables[field].set(json, i);
    }
    m[field] = i;
  };
  const result = entry.o.result as unknown as { messages: Interned[]; suppressedMessages?: Interned[] };
  for (const m of [...result.messages, ...(result.suppressedMessages ?? [])]) {
    put(m, "resource", r);
    put(m, "keyPath", k);
  }
  if (r.length) entry.r = r;
  if (k.length) entry.k = k;
}

/** An interned copy of an entry (the live one may be in use by this run). */
function internedCopy(entry: Entry, crossRulesRef: (rules: unknown) => number): Entry {
  const cross = entry.o.cross as { rules?: unknown } | undefined;
  if ((entry.r || entry.k || !entry.o.result.messages.length) && (!cross || typeof cross.rules !== "object")) return entry;
  const copy = JSON.parse(JSON.stringify(entry)) as Entry;
  intern(copy);
  const copyCross = copy.o.cross as { rules?: unknown } | undefined;
  if (copyCross && copyCross.rules !== undefined && typeof copyCross.rules === "object") copyCross.rules = crossRulesRef(copyCross.rules);
  return copy;
}

/** The inverse of `intern` (tables shared by the messages that used them). */
function expand(entry: Entry): void {
  if (!entry.r && !entry.k) return;
  const result = entry.o.result as unknown as { messages: Interned[]; suppressedMessages?: Interned[] };
  for (const m of [...result.messages, ...(result.suppressedMessages ?? [])]) {
    if (typeof m.resource === "number") m.resource = entry.r![m.resource];
    if (typeof m.keyPath === "number") m.keyPath = entry.k![m.keyPath];
  }
  delete entry.r;
  delete entry.k;
}

interface CacheFile {
  format: number;
  /** The distinct settings of the cross-document rules (`o.cross.rules` of the entries, as indexes into this table). */
  crossRules?: unknown[];
  key: string;
  entries: Record<string, Entry>;
}

/**
 * A hash of every compiled module of kubeguard (src/ and rules/ two levels up from this one; from
 * the bundled CLI, dist/kubeguard.cjs, the same dist/src and dist/rules it was bundled with).
 */
function codeFingerprint(): string {
  const root = fileURLToPath(new URL(import.meta.url.endsWith(".cjs") ? "." : "../..", import.meta.url));
  const hash = createHash("sha1");
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts|json)$/u.test(e.name) && !e.name.endsWith(".d.ts")) {
        // Content, not mtime: every `tsc` build rewrites the files.
        hash.update(`${relative(root, p)}\n`).update(readFileSync(p));
      }
    }
  };
  walk(join(root, "src"));
  walk(join(root, "rules"));
  return hash.digest("hex");
}

function eslintVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve("eslint/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The run key: everything besides a file's bytes that its result depends on. */
export function runKey(spec: LintSpec): string {
  return createHash("sha1")
    .update(JSON.stringify({ format: FORMAT, version: VERSION, code: codeFingerprint(), eslint: eslintVersion(), spec }))
    .digest("hex");
}

export interface ResultCache {
  /** The cached outcome when the file's bytes are unchanged. Reads and hashes the file. */
  lookup(file: string): FileOutcome | undefined;
  /** The file's size, when `lookup` has read it. */
  sizeOf(file: string): number | undefined;
  /** Remember a fresh outcome (for a file `lookup` has read). */
  store(file: string, outcome: FileOutcome): void;
  /** Write the cache file (atomically) when anything changed. */
  save(): void;
}

/** The cache file for `--cache-location` (a folder gets `.kubeguardcache` inside). */
export function cacheFilePath(location: string): string {
  let isDir = /[\\/]$/u.test(location);
  try {
    isDir ||= statSync(location).isDirectory();
  } catch {
    // a file to create
  }
  return isDir ? join(location, DEFAULT_CACHE_FILE) : location;
}

export async function openCache(location: string, spec: LintSpec): Promise<ResultCache> {
  const path = cacheFilePath(location);
  const key = runKey(spec);
  let entries: Record<string, Entry> = {};
  let crossRules: unknown[] = [];
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
    if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === "object") {
      entries = data.entries;
      if (Array.isArray(data.crossRules)) crossRules = data.crossRules;
    }
  } catch {
    // no cache yet, or unreadable: start empty
  }
  // Every file of a run usually has the same cross-rule settings: one copy in the file.
  let crossRuleIndex: Map<string, number> | null = null;
  const crossRulesRef = (rules: unknown): number => {
    crossRuleIndex ??= new Map(crossRules.map((r, i) => [JSON.stringify(r), i]));
    const json = JSON.stringify(rules);
    let i = crossRuleIndex.get(json);
    if (i === undefined) {
      i = crossRules.length;
      crossRules.push(rules);
      crossRuleIndex.set(json, i);
    }
    return i;
  };
  type CrossRef = { rules?: unknown };
  const seen = new Map<string, { hash: string; size: number; text: () => string }>();
  let dirty = false;

  return {
    lookup(file) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return undefined;
      }
      const hash = createHash("sha1").update(bytes).digest("hex");
      let text: string | undefined;
      const info = { hash, size: bytes.length, text: () => (text ??= bytes.toString("utf8")) };
      seen.set(file, info);
      const entry = entries[file];
      if (!entry || entry.h !== hash) return undefined;
      expand(entry);
      const cross = entry.o.cross as CrossRef | undefined;
      if (cross && typeof cross.rules === "number") {
        if (!(cross.rules in crossRules)) return undefined;
        cross.rules = crossRules[cross.rules];
      }
      const outcome = entry.o;
      if (entry.s === 1) outcome.result.source = info.text();
      else if (typeof entry.s === "string") outcome.result.source = entry.s;
      return outcome;
    },
    sizeOf(file) {
      return seen.get(file)?.size;
    },
    store(file, outcome) {
      const info = seen.get(file);
      if (!info) return;
      const { source, ...result } = outcome.result;
      const s: Entry["s"] = source === undefined ? 0 : source === info.text() ? 1 : source;
      // Stored as JSON now: later changes to the live result do not leak into the cache.
      const entry = JSON.parse(JSON.stringify({ h: info.hash, o: { ...outcome, result }, s })) as Entry;
      intern(entry);
      const cross = entry.o.cross as CrossRef | undefined;
      if (cross && cross.rules !== undefined) cross.rules = crossRulesRef(cross.rules);
      entries[file] = entry;
      dirty = true;
    },
    save() {
      if (!dirty) return;
      // Drop entries of files that are gone.
      for (const file of Object.keys(entries)) if (!seen.has(file) && !existsSync(file)) delete entries[file];
      // crossRules last: it is written after the entries that refer to it.
      const data: CacheFile = { format: FORMAT, key, entries, crossRules };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      // Entries looked up in this run were expanded for use; each is interned again as it is written.
      writeFileSync(tmp, JSON.stringify(data, (k, v: unknown) => (k !== "" && v !== null && typeof v === "object" && "h" in v && "o" in v && entries[k] === v ? internedCopy(v as Entry, crossRulesRef) : v)));
      renameSync(tmp, path);
      dirty = false;
    },
  };
}
