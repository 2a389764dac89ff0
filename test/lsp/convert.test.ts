/**
 * @fileoverview The pure LSP conversions: offsets ↔ positions, the minimal fix-all edit, where a
 * "disable" comment may go, code-action kind filters.
 */
import { describe, expect, test } from "vitest";
import { LineIndex, disableCommentEdit, kindAllowed, messageRange, minimalEdit, rangesTouch } from "../../src/lsp/convert.js";
import { lspFixture } from "./client.js";

describe("LineIndex", () => {
  test("positions count UTF-16 units; lines break at \\n, \\r\\n and \\r", () => {
    const index = new LineIndex("a: 1\r\nb: 🚀x\rc: 3\n");
    expect(index.lineCount).toBe(4);
    expect(index.eol).toBe("\r\n");
    expect(index.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(index.positionAt(4)).toEqual({ line: 0, character: 4 }); // the \r of \r\n
    expect(index.positionAt(6)).toEqual({ line: 1, character: 0 });
    expect(index.positionAt(11)).toEqual({ line: 1, character: 5 }); // after the 2-unit emoji
    expect(index.positionAt(13)).toEqual({ line: 2, character: 0 });
    expect(index.positionAt(99)).toEqual({ line: 3, character: 0 });
    expect(index.lineText(1)).toBe("b: 🚀x");
    expect(new LineIndex("x\ny").eol).toBe("\n");
  });

  test("messageRange: 1-based ESLint line/column to 0-based; no end = empty range", () => {
    expect(messageRange({ line: 21, column: 13, endLine: 21, endColumn: 29 })).toEqual({ start: { line: 20, character: 12 }, end: { line: 20, character: 28 } });
    expect(messageRange({ line: 1, column: 1 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe("minimalEdit", () => {
  test("keeps the common prefix and suffix", () => {
    const original = "a: 1\nb: true\nc: 3\n";
    const edit = minimalEdit(original, "a: 1\nb: false\nc: 3\n", new LineIndex(original));
    expect(edit).toEqual({ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } }, newText: "fals" });
    expect(minimalEdit(original, original, new LineIndex(original))).toBeNull();
  });

  test("never splits a \\r\\n pair or a surrogate pair", () => {
    const original = "a\r\nb";
    const edit = minimalEdit(original, "a\nb", new LineIndex(original))!;
    expect(edit.range.start.line).toBe(0);
    expect(edit.range.start.character).toBeLessThanOrEqual(1);
    const emoji = "x: 🚀\n";
    const e2 = minimalEdit(emoji, "x: 🚁\n", new LineIndex(emoji))!;
    expect(e2).toEqual({ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } }, newText: "🚁" });
  });
});

describe("disableCommentEdit", () => {
  test("above the line, at its indentation (sequence items included)", () => {
    const text = "spec:\n  containers:\n    - --flag=1\n";
    const index = new LineIndex(text);
    expect(disableCommentEdit(2, "r", index)).toEqual({ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: "    # kubeguard-disable-next-line r\n" });
  });

  test("not inside a block scalar, where the comment would become text", () => {
    const index = new LineIndex(lspFixture("web-block-scalar.yaml"));
    expect(index.lineText(15)).toBe("            --admission-control=NamespaceLifecycle,PodPreset");
    expect(disableCommentEdit(15, "apiserver-admission-plugin-removed", index)).toBeNull();
    expect(disableCommentEdit(14, "apiserver-admission-plugin-removed", index)).toBeNull();
    // The `- |` line itself is fine.
    expect(disableCommentEdit(13, "x", index)?.newText).toBe("        # kubeguard-disable-next-line x\n");
    const folded = new LineIndex("data:\n  script: >-\n    echo hi\n  other: 1\n");
    expect(disableCommentEdit(2, "x", folded)).toBeNull();
    expect(disableCommentEdit(3, "x", folded)?.newText).toBe("  # kubeguard-disable-next-line x\n");
  });
});

test("kindAllowed: `only` filters are hierarchical", () => {
  expect(kindAllowed("source.fixAll.kubeguard", ["source"])).toBe(true);
  expect(kindAllowed("source.fixAll.kubeguard", ["source.fixAll"])).toBe(true);
  expect(kindAllowed("source.fixAll.kubeguard", ["quickfix"])).toBe(false);
  expect(kindAllowed("quickfix", ["source.fixAll"])).toBe(false);
  expect(kindAllowed("quickfix", undefined)).toBe(true);
});

test("rangesTouch: overlapping or adjacent", () => {
  const r = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
  expect(rangesTouch(r(1, 0, 1, 5), r(1, 5, 1, 5))).toBe(true);
  expect(rangesTouch(r(1, 0, 1, 5), r(1, 6, 1, 8))).toBe(false);
  expect(rangesTouch(r(1, 0, 3, 0), r(2, 0, 2, 0))).toBe(true);
});
