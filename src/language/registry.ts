/**
 * @fileoverview Side channel from the language to kubeguard's processor: where each document and
 * resource of a file lies, so every message can carry the resource it is in. Entries are taken
 * (and deleted) by the processor's postprocess step in the same thread.
 */
import type { K8sSourceCode } from "./source-code.js";
import type { DocumentNode, YamlNode } from "./ast.js";

/**
 * One step of the key path of a reported node (src/sourcemap maps it back to Helm templates and
 * kustomize files): a mapping key, or a sequence index with the item's `name` when it has one.
 */
export type KeySeg = { key: string } | { index: number; name?: string };

export interface ResourceSpan {
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  resource: {
    apiVersion: string | null;
    kind: string | null;
    namespace: string | null;
    name: string | null;
    docIndex: number;
  };
  helmSource: string | null;
}

export interface DocumentSpan {
  docIndex: number;
  startLine: number;
  endLine: number;
  helmSource: string | null;
  resources: ResourceSpan[];
}

const files = new Map<string, DocumentSpan[]>();
/** A reported node's key path and, when the node's value is a scalar, that value as text. */
export interface KeyPathInfo {
  path: KeySeg[];
  scalar: string | null;
}
const pathFinders = new Map<string, (line: number, column: number) => KeyPathInfo | null>();

/** The key path (from the document root) of the innermost node that contains `offset`. */
export function keyPathAt(content: YamlNode | null, offset: number): KeyPathInfo {
  const path: KeySeg[] = [];
  let scalar: string | null = null;
  let node: YamlNode | null = content;
  const inside = (n: { range: [number, number] } | null): boolean => n !== null && offset >= n.range[0] && offset <= n.range[1];
  for (;;) {
    if (!node) return { path, scalar };
    if (node.type === "Map") {
      const pair = node.pairs.find((p) => inside(p) || (p.key !== null && inside(p.key)));
      if (!pair || !pair.key || pair.key.type !== "Scalar") return { path, scalar };
      path.push({ key: String(pair.key.value) });
      scalar = pair.value?.type === "Scalar" && pair.value.value !== null ? String(pair.value.value) : null;
      node = pair.value && inside(pair.value) ? pair.value : null;
    } else if (node.type === "Seq") {
      const index = node.items.findIndex((i) => i !== null && inside(i));
      scalar = null;
      if (index < 0) return { path, scalar };
      const item = node.items[index]!;
      const seg: KeySeg = { index };
      if (item.type === "Map") {
        const namePair = item.pairs.find((p) => p.key?.type === "Scalar" && p.key.value === "name");
        if (namePair?.value?.type === "Scalar" && namePair.value.value !== null) seg.name = String(namePair.value.value);
      }
      path.push(seg);
      node = item;
    } else return { path, scalar };
  }
}

/**
 * The first document whose range contains `offset` (as `body.find` would return). Called once per
 * message: a linear scan made a big multi-document stream O(messages × documents). Documents are
 * in file order, so their end offsets never decrease: binary-search the first one that ends at or
 * after `offset`, then step forward (adjacent documents may share a boundary offset).
 */
function firstDocumentContaining(docs: readonly DocumentNode[], offset: number): DocumentNode | undefined {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]!.range[1] < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < docs.length && docs[i]!.range[0] <= offset; i++) if (offset <= docs[i]!.range[1]) return docs[i];
  return undefined;
}

export function recordFile(path: string, sourceCode: K8sSourceCode): void {
  const spans: DocumentSpan[] = [];
  for (const doc of sourceCode.ast.body) {
    const d: DocumentSpan = {
      docIndex: doc.index,
      startLine: sourceCode.positionAt(doc.range[0]).line,
      endLine: sourceCode.positionAt(doc.range[1]).line,
      helmSource: doc.helmSource,
      resources: [],
    };
    for (const r of doc.resources) {
      d.resources.push({
        startLine: sourceCode.positionAt(r.range[0]).line,
        endLine: sourceCode.positionAt(r.range[1]).line,
        startOffset: r.range[0],
        endOffset: r.range[1],
        resource: { apiVersion: r.apiVersion, kind: r.kind, namespace: r.namespace, name: r.name, docIndex: r.docIndex },
        helmSource: doc.helmSource,
      });
    }
    spans.push(d);
  }
  files.set(path, spans);
  const body = sourceCode.ast.body;
  // The binary search needs start and end offsets in order (always so for parsed files; checked once).
  const sorted = body.every((d, i) => i === 0 || (d.range[0] >= body[i - 1]!.range[0] && d.range[1] >= body[i - 1]!.range[1]));
  pathFinders.set(path, (line, column) => {
    let offset: number;
    try {
      offset = sourceCode.getIndexFromLoc({ line, column });
    } catch {
      return null;
    }
    const doc = sorted ? firstDocumentContaining(body, offset) : body.find((d) => offset >= d.range[0] && offset <= d.range[1]);
    return doc ? keyPathAt(doc.content, offset) : null;
  });
}

/** Take the key-path finder of a file (processor postprocess, same thread as the parse). */
export function takeKeyPathFinder(path: string): ((line: number, column: number) => KeyPathInfo | null) | undefined {
  const f = pathFinders.get(path);
  pathFinders.delete(path);
  return f;
}

export function takeFile(path: string): DocumentSpan[] | undefined {
  const v = files.get(path);
  files.delete(path);
  return v;
}
