/**
 * @fileoverview Side channel from the language to kubeguard's processor: where each document and
 * resource of a file lies, so every message can carry the resource it is in. Entries are taken
 * (and deleted) by the processor's postprocess step in the same thread.
 */
import type { K8sSourceCode } from "./source-code.js";

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
}

export function takeFile(path: string): DocumentSpan[] | undefined {
  const v = files.get(path);
  files.delete(path);
  return v;
}
