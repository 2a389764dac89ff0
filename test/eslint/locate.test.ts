/**
 * @fileoverview locate(): the resource (or document) that contains a message's line, found by
 * binary search over the document spans.
 */
import { describe, expect, it } from "vitest";
import { locate } from "../../src/eslint/processor.js";
import type { DocumentSpan } from "../../src/language/registry.js";

const res = (name: string, docIndex: number, startLine: number, endLine: number, helmSource: string | null = null) => ({
  startLine,
  endLine,
  startOffset: 0,
  endOffset: 0,
  resource: { apiVersion: "v1", kind: "ConfigMap", namespace: null, name, docIndex },
  helmSource,
});

const spans: DocumentSpan[] = [
  { docIndex: 0, startLine: 1, endLine: 5, helmSource: null, resources: [res("a", 0, 1, 5)] },
  // Document 1 starts on the line where document 0 ends (the `---` line).
  { docIndex: 1, startLine: 5, endLine: 12, helmSource: "chart/templates/x.yaml", resources: [res("list", 1, 6, 12, "chart/templates/x.yaml"), res("item", 1, 8, 9, "chart/templates/x.yaml")] },
  { docIndex: 2, startLine: 13, endLine: 14, helmSource: null, resources: [] },
  { docIndex: 3, startLine: 15, endLine: 30, helmSource: null, resources: [res("d", 3, 16, 30)] },
];

describe("locate", () => {
  it("finds the innermost resource of the first document containing the line", () => {
    expect(locate(spans, 1).resource?.name).toBe("a");
    expect(locate(spans, 5).resource?.name).toBe("a");
    expect(locate(spans, 7).resource?.name).toBe("list");
    expect(locate(spans, 8).resource?.name).toBe("item");
    expect(locate(spans, 8).helmSource).toBe("chart/templates/x.yaml");
    expect(locate(spans, 29).resource?.name).toBe("d");
  });
  it("falls back to the document, then to nothing", () => {
    expect(locate(spans, 13).resource).toEqual({ apiVersion: null, kind: null, namespace: null, name: null, docIndex: 2 });
    expect(locate(spans, 31).resource).toBeNull();
    expect(locate([], 1).resource).toBeNull();
  });
});
