/**
 * @fileoverview The collector hook between cross-document rules and their host (src/crossdoc).
 * The CLI's linting threads and the language server install a collector; cross-document rules
 * then hand over the file's facts instead of reporting. A module variable, like the processor's
 * span listener: it lives in the thread that lints.
 */
import type { K8sSourceCode } from "../language/source-code.js";
import { factsOf, type FileFacts } from "./facts.js";

export interface FileCollection {
  facts: FileFacts;
  /** Qualified names of the cross-document rules that ran on the file (its last lint pass). */
  rules: string[];
  /** settings.kubeguard of the file. */
  settings: Record<string, unknown>;
}

export interface Collector {
  offer(filename: string, sourceCode: K8sSourceCode, rule: string, settings: Record<string, unknown>): void;
}

let current: Collector | null = null;

export function activeCollector(): Collector | null {
  return current;
}

/** A collector that keeps, per file, the facts and rules of the file's last lint pass. */
export class FactCollector implements Collector {
  readonly files = new Map<string, FileCollection>();
  /**
   * The source code of each file's current pass, held weakly: a strong reference kept every AST
   * of a chunk (and a whole big stream's AST) alive until the chunk ended; the facts are all that
   * is needed afterwards. A one-entry `WeakSet`, not a `WeakRef`: creating a `WeakRef` keeps its
   * target alive until the current job ends, and the promise chain from the last file read to the
   * report is one job, so the last file's whole AST lived through the report (heap snapshot of a
   * 1 MB stream: 40 MB).
   */
  readonly #passOf = new Map<string, WeakSet<K8sSourceCode>>();

  offer(filename: string, sourceCode: K8sSourceCode, rule: string, settings: Record<string, unknown>): void {
    const entry = this.files.get(filename);
    if (entry && this.#passOf.get(filename)?.has(sourceCode)) {
      if (!entry.rules.includes(rule)) entry.rules.push(rule);
      return;
    }
    // A new pass over the file (e.g. after fixes): its facts replace the earlier ones.
    this.#passOf.set(filename, new WeakSet([sourceCode]));
    this.files.set(filename, { facts: factsOf(sourceCode), rules: [rule], settings: (settings.kubeguard ?? {}) as Record<string, unknown> });
  }

  /** Take (and forget) what was collected for a file. */
  take(filename: string): FileCollection | undefined {
    const entry = this.files.get(filename);
    this.files.delete(filename);
    this.#passOf.delete(filename);
    return entry;
  }
}

/** Install a collector (null removes it); returns the previous one. */
export function setCollector(collector: Collector | null): Collector | null {
  const previous = current;
  current = collector;
  return previous;
}
