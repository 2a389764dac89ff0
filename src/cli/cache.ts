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
const FORMAT = 1;

interface Entry {
  /** SHA-1 of the file's bytes. */
  h: string;
  /** The outcome, `result.source` removed when `s` is 1. */
  o: FileOutcome;
  /** 1: `source` was the file's text; 0: no `source`; a string: `source` itself. */
  s: 0 | 1 | string;
}

interface CacheFile {
  format: number;
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
  try {
    const data = JSON.parse(readFileSync(path, "utf8")) as CacheFile;
    if (data.format === FORMAT && data.key === key && data.entries && typeof data.entries === "object") entries = data.entries;
  } catch {
    // no cache yet, or unreadable: start empty
  }
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
      entries[file] = JSON.parse(JSON.stringify({ h: info.hash, o: { ...outcome, result }, s })) as Entry;
      dirty = true;
    },
    save() {
      if (!dirty) return;
      // Drop entries of files that are gone.
      for (const file of Object.keys(entries)) if (!seen.has(file) && !existsSync(file)) delete entries[file];
      const data: CacheFile = { format: FORMAT, key, entries };
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, path);
      dirty = false;
    },
  };
}
