/**
 * @fileoverview The `kubeguard/resources` processor: passes the text through unchanged and, after
 * linting, attaches to each message the resource (kind/namespace/name/document) it lies in, from the
 * spans the language recorded while parsing (languageOptions.collectResources).
 */
import type { Linter } from "eslint";
import { takeFile, takeKeyPathFinder, type DocumentSpan, type KeySeg } from "../language/registry.js";
import { detach } from "../language/query.js";

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

/** One array per distinct key path of a file (read-only: src/sourcemap only reads them), its names detached. */
function sharedPath(paths: Map<string, KeySeg[]>, path: KeySeg[]): KeySeg[] {
  let key = "";
  for (const seg of path) key += "key" in seg ? `k${seg.key.length}:${seg.key}` : `i${seg.index}:${seg.name === undefined ? "-" : `${seg.name.length}:${seg.name}`}`;
  let shared = paths.get(key);
  if (!shared) {
    shared = path.map((seg): KeySeg => ("key" in seg ? { key: detach(seg.key) } : seg.name === undefined ? { index: seg.index } : { index: seg.index, name: detach(seg.name) }));
    paths.set(key, shared);
  }
  return shared;
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
    // Messages live to the end of the run, the file's text and AST should not: every string kept
    // is detached from the text (see `detach`), and equal key paths are one shared array.
    for (const d of spans) {
      d.helmSource = detach(d.helmSource);
      for (const r of d.resources) {
        const ref = r.resource;
        ref.apiVersion = detach(ref.apiVersion);
        ref.kind = detach(ref.kind);
        ref.namespace = detach(ref.namespace);
        ref.name = detach(ref.name);
        r.helmSource = d.helmSource;
      }
    }
    const paths = new Map<string, KeySeg[]>();
    const scalars = new Map<string, string>();
    for (const m of messages) {
      const { resource, helmSource } = locate(spans, m.line);
      m.resource = resource;
      if (helmSource) m.helmSource = helmSource;
      m.message = detach(m.message);
      if (m.fix) m.fix.text = detach(m.fix.text);
      if (m.suggestions) {
        for (const sg of m.suggestions) {
          sg.desc = detach(sg.desc);
          sg.fix.text = detach(sg.fix.text);
        }
      }
      // The key path of the reported node: src/sourcemap maps it to the template/overlay line.
      const info = keyPathOf?.(m.line, m.column);
      if (info?.path.length) {
        m.keyPath = sharedPath(paths, info.path);
        if (info.scalar !== null) {
          let scalar = scalars.get(info.scalar);
          if (scalar === undefined) scalars.set(info.scalar, (scalar = detach(info.scalar)));
          m.keyScalar = scalar;
        }
      }
    }
    return messages;
  },
};
