/**
 * @fileoverview The `kubeguard/resources` processor: passes the text through unchanged and, after
 * linting, attaches to each message the resource (kind/namespace/name/document) it lies in, from the
 * spans the language recorded while parsing (languageOptions.collectResources).
 */
import type { Linter } from "eslint";
import { takeFile, takeKeyPathFinder, type DocumentSpan, type KeySeg } from "../language/registry.js";

export interface ResourceRef {
  apiVersion: string | null;
  kind: string | null;
  namespace: string | null;
  name: string | null;
  docIndex: number;
}

/** Where a person edits what produced a message (src/sourcemap): the file itself, or a Helm template / kustomize file. */
export interface MessageSource {
  file: string;
  line: number;
  column: number;
  /** False when no good line exists and `line` is the top of the file (see `note`). */
  exact?: boolean;
  note?: string;
  /** When the value comes from `.Values.x`: that key in the chart's values file. */
  values?: { file: string; key: string; line: number; column: number; exact: boolean };
}

export type KubeguardMessage = Linter.LintMessage & {
  resource?: ResourceRef | null;
  helmSource?: string | null;
  keyPath?: KeySeg[];
  keyScalar?: string | null;
  source?: MessageSource;
  /** Cross-document findings (src/crossdoc): the other objects involved. */
  related?: { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
};

/** The innermost resource (or at least the document) that contains a 1-based line. */
export function locate(spans: DocumentSpan[], line: number): { resource: ResourceRef | null; helmSource: string | null } {
  // Documents are in file order, so their end lines never decrease: binary-search the first
  // document that ends at or after the line (a linear scan made big streams quadratic).
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.endLine < line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < spans.length && spans[i]!.startLine <= line; i++) {
    const d = spans[i]!;
    if (line > d.endLine) continue;
    let best: DocumentSpan["resources"][number] | null = null;
    for (const r of d.resources) {
      if (line >= r.startLine && line <= r.endLine) {
        if (!best || r.endLine - r.startLine <= best.endLine - best.startLine) best = r;
      }
    }
    if (best) return { resource: best.resource, helmSource: best.helmSource };
    return { resource: { apiVersion: null, kind: null, namespace: null, name: null, docIndex: d.docIndex }, helmSource: d.helmSource };
  }
  return { resource: null, helmSource: null };
}

/**
 * Optional observer of every file's document/resource spans (the CLI uses it to tell "no
 * Kubernetes objects found" from "no findings"). Called once per lint pass of a file, in the
 * linting thread; the last call for a file describes its final (fixed) text.
 */
export type SpanListener = (filename: string, spans: DocumentSpan[]) => void;
let spanListener: SpanListener | null = null;

/** Install (or remove, with null) the span listener; returns the previous one. */
export function setSpanListener(listener: SpanListener | null): SpanListener | null {
  const previous = spanListener;
  spanListener = listener;
  return previous;
}

export const resourcesProcessor = {
  meta: { name: "kubeguard/resources" },
  supportsAutofix: true,
  preprocess(text: string): string[] {
    return [text];
  },
  postprocess(messageLists: Linter.LintMessage[][], filename: string): KubeguardMessage[] {
    const messages = messageLists.flat() as KubeguardMessage[];
    const spans = takeFile(filename);
    const keyPathOf = takeKeyPathFinder(filename);
    if (!spans) return messages;
    spanListener?.(filename, spans);
    for (const m of messages) {
      const { resource, helmSource } = locate(spans, m.line);
      m.resource = resource;
      if (helmSource) m.helmSource = helmSource;
      // The key path of the reported node: src/sourcemap maps it to the template/overlay line.
      const info = keyPathOf?.(m.line, m.column);
      if (info?.path.length) {
        m.keyPath = info.path;
        if (info.scalar !== null) m.keyScalar = info.scalar;
      }
    }
    return messages;
  },
};
