/**
 * @fileoverview The YAML-aware edit helpers of src/fix: minimal edits at the siblings' indent, the
 * file's own line ending, bail-outs (tabs, aliases, merge keys, YAML errors), and output that
 * re-parses to what was intended.
 */
import { describe, expect, it } from "vitest";
import type { MapNode, SeqNode } from "../../src/language/ast.js";
import { parseProgram } from "../../src/language/language.js";
import { asMap, asSeq, getIn, staticValue } from "../../src/language/query.js";
import { K8sSourceCode } from "../../src/language/source-code.js";
import {
  appendSeqItem,
  asFix,
  canEdit,
  documentAt,
  indentStep,
  insertPair,
  lineEndAfter,
  lineStartOf,
  moveSeqItemLast,
  removePair,
  renderString,
  replaceNode,
  setIn,
  setMapValue,
} from "../../src/fix/index.js";
import type { RuleTextEdit } from "../../src/rule.js";

function load(text: string, doc = 0): { sc: K8sSourceCode; root: MapNode } {
  const ast = parseProgram(text, "x.yaml");
  return { sc: new K8sSourceCode({ text, ast }), root: asMap(ast.body[doc]!.content)! };
}

function apply(text: string, edits: RuleTextEdit[] | null): string {
  expect(edits, "the helper must not bail out").not.toBeNull();
  let out = text;
  for (const e of [...edits!].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  const reparsed = parseProgram(out, "x.yaml");
  expect(reparsed.body.flatMap((d) => d.errors)).toEqual([]);
  return out;
}

const map = (root: MapNode, ...path: (string | number)[]): MapNode => asMap(getIn(root, path))!;
const seq = (root: MapNode, ...path: (string | number)[]): SeqNode => asSeq(getIn(root, path))!;

describe("insertPair / setMapValue", () => {
  it("inserts at the siblings' indent after a nested last value, keeping its trailing comment", () => {
    const text = "spec:\n    containers:\n      - name: a\n        securityContext:\n          runAsNonRoot: true # keep\n    hostNetwork: false\n";
    const { sc, root } = load(text);
    const c = map(root, "spec", "containers", 0);
    expect(apply(text, insertPair(sc, c, "image", "nginx"))).toBe(
      "spec:\n    containers:\n      - name: a\n        securityContext:\n          runAsNonRoot: true # keep\n        image: nginx\n    hostNetwork: false\n",
    );
  });

  it("preserves CRLF", () => {
    const text = "metadata:\r\n  name: a\r\n";
    const { sc, root } = load(text);
    expect(apply(text, insertPair(sc, map(root, "metadata"), "namespace", "prod"))).toBe("metadata:\r\n  name: a\r\n  namespace: prod\r\n");
  });

  it("inserts into flow maps (empty and not) and the nested flow map, not its parent", () => {
    const text = "a: {}\nb: {x: 1, c: {y: 2}}\n";
    const { sc, root } = load(text);
    expect(apply(text, insertPair(sc, map(root, "a"), "k", "v"))).toBe("a: {k: v}\nb: {x: 1, c: {y: 2}}\n");
    expect(apply(text, insertPair(sc, map(root, "b", "c"), "k", "v"))).toBe("a: {}\nb: {x: 1, c: {y: 2, k: v}}\n");
    expect(apply(text, insertPair(sc, map(root, "b"), "k", "v"))).toBe("a: {}\nb: {x: 1, c: {y: 2}, k: v}\n");
  });

  it("does not insert into a multi-line flow map or one with comments", () => {
    const text = "a: {x: 1,\n  y: 2}\n";
    const { sc, root } = load(text);
    expect(insertPair(sc, map(root, "a"), "k", "v")).toBeNull();
  });

  it("setMapValue replaces an existing value, fills an empty one, or inserts", () => {
    const text = "a:\n  x: 1 # one\n  w:\n";
    const { sc, root } = load(text);
    expect(apply(text, setMapValue(sc, map(root, "a"), "x", "2"))).toBe("a:\n  x: 2 # one\n  w:\n");
    expect(apply(text, setMapValue(sc, map(root, "a"), "w", "3"))).toBe("a:\n  x: 1 # one\n  w: 3\n");
    expect(apply(text, setMapValue(sc, map(root, "a"), "z", "4"))).toBe("a:\n  x: 1 # one\n  w:\n  z: 4\n");
  });
});

describe("setIn", () => {
  it("creates missing block maps with the document's indent step", () => {
    const text = "spec:\n    containers:\n    -   name: a\n        image: nginx\n";
    const { sc, root } = load(text);
    expect(indentStep(sc, root)).toBe(4);
    const c = map(root, "spec", "containers", 0);
    expect(apply(text, setIn(sc, c, ["securityContext", "capabilities"], "drop", "[ALL]"))).toBe(
      "spec:\n    containers:\n    -   name: a\n        image: nginx\n        securityContext:\n            capabilities:\n                drop: [ALL]\n",
    );
  });

  it("fills a key written with no value", () => {
    const text = "c:\n  name: a\n  securityContext:\n  image: nginx\n";
    const { sc, root } = load(text);
    expect(apply(text, setIn(sc, map(root, "c"), ["securityContext"], "runAsNonRoot", "true"))).toBe(
      "c:\n  name: a\n  securityContext:\n    runAsNonRoot: true\n  image: nginx\n",
    );
  });

  it("writes into flow maps as a flow value", () => {
    const text = "containers: [{name: a, image: nginx}]\n";
    const { sc, root } = load(text);
    const c = asMap(getIn(root, ["containers", 0]))!;
    const out = apply(text, setIn(sc, c, ["securityContext", "seccompProfile"], "type", "RuntimeDefault"));
    expect(out).toBe("containers: [{name: a, image: nginx, securityContext: {seccompProfile: {type: RuntimeDefault}}}]\n");
  });

  it("bails out when a merge key could bring the missing map in", () => {
    const text = "base: &b\n  securityContext: {runAsNonRoot: true}\nc:\n  <<: *b\n  name: a\n";
    const { sc, root } = load(text);
    expect(setIn(sc, map(root, "c"), ["securityContext"], "privileged", "false")).toBeNull();
  });

  it("bails out when the target map is an anchored node used by an alias", () => {
    const text = "a:\n  sc: &s\n    x: 1\nb:\n  sc: *s\n";
    const { sc, root } = load(text);
    expect(setIn(sc, map(root, "a"), ["sc"], "y", "2")).toBeNull();
    expect(setIn(sc, map(root, "b"), ["sc"], "y", "2")).toBeNull();
  });
});

describe("bail-outs", () => {
  it("refuses documents with YAML errors, tab indentation, and alias targets; other documents stay editable", () => {
    const text = "a: 1\n---\nb: [1\n---\nc: |\n  \tx\nd: 1\n---\ne: &x {k: 1}\nf: *x\n";
    const ast = parseProgram(text, "x.yaml");
    const sc = new K8sSourceCode({ text, ast });
    expect(canEdit(sc, 0)).toBe(true);
    expect(documentAt(sc, text.indexOf("b:"))!.index).toBe(1);
    expect(canEdit(sc, text.indexOf("b:"))).toBe(false);
    expect(canEdit(sc, text.indexOf("d: 1"))).toBe(false);
    expect(canEdit(sc, text.indexOf("k: 1"))).toBe(false);
    expect(canEdit(sc, text.indexOf("f: *x"))).toBe(true);
    expect(replaceNode(sc, asMap(ast.body[0]!.content)!.pairs[0]!.value!, "2")).toEqual([{ range: [3, 4], text: "2" }]);
  });
});

describe("removePair", () => {
  it("removes the pair's whole lines, keeping the comment above and CRLF", () => {
    const text = "m:\r\n  # about b\r\n  a: 1\r\n  b:\r\n    - x\r\n  c: 3\r\n";
    const { sc, root } = load(text);
    const m = map(root, "m");
    expect(apply(text, removePair(sc, m, m.pairs[1]!))).toBe("m:\r\n  # about b\r\n  a: 1\r\n  c: 3\r\n");
  });

  it("bails on flow maps, the only pair, and a pair sharing a line with `- `", () => {
    const text = "f: {a: 1, b: 2}\no:\n  a: 1\ns:\n  - a: 1\n    b: 2\n";
    const { sc, root } = load(text);
    expect(removePair(sc, map(root, "f"), map(root, "f").pairs[0]!)).toBeNull();
    expect(removePair(sc, map(root, "o"), map(root, "o").pairs[0]!)).toBeNull();
    const item = map(root, "s", 0);
    expect(removePair(sc, item, item.pairs[0]!)).toBeNull();
    expect(apply(text, removePair(sc, item, item.pairs[1]!))).toBe("f: {a: 1, b: 2}\no:\n  a: 1\ns:\n  - a: 1\n");
  });
});

describe("appendSeqItem", () => {
  it("appends to a block sequence at the items' indent", () => {
    const text = "drop:\n  - NET_RAW # raw sockets\nnext: 1\n";
    const { sc, root } = load(text);
    expect(apply(text, appendSeqItem(sc, seq(root, "drop"), "ALL"))).toBe("drop:\n  - NET_RAW # raw sockets\n  - ALL\nnext: 1\n");
  });

  it("appends to flow sequences, empty or not, and to the inner one only", () => {
    const text = "a: []\nb: [x, [y]]\n";
    const { sc, root } = load(text);
    expect(apply(text, appendSeqItem(sc, seq(root, "a"), "ALL"))).toBe("a: [ALL]\nb: [x, [y]]\n");
    expect(apply(text, appendSeqItem(sc, asSeq(getIn(root, ["b", 1]))!, "z"))).toBe("a: []\nb: [x, [y, z]]\n");
    expect(apply(text, appendSeqItem(sc, seq(root, "b"), "z"))).toBe("a: []\nb: [x, [y], z]\n");
  });

  it("renders ambiguous strings quoted", () => {
    expect(renderString("ALL")).toBe("ALL");
    expect(["yes", "on", "0777", "1.5", "12:30", "", "a: b", "# x", "*ref"].map(renderString)).toEqual([
      '"yes"',
      '"on"',
      '"0777"',
      '"1.5"',
      '"12:30"',
      '""',
      '"a: b"',
      '"# x"',
      '"*ref"',
    ]);
  });
});

describe("moveSeqItemLast", () => {
  it("moves an item's lines after the last item; comments above it stay in place", () => {
    const text = [
      "providers:",
      "  # first is used for writing",
      "  - identity: {}",
      "  - aescbc:",
      "      keys:",
      "        - name: key1 # rotated 2024",
      "          secret: c2VjcmV0",
      "kind: EncryptionConfiguration",
      "",
    ].join("\n");
    const { sc, root } = load(text);
    const s = seq(root, "providers");
    const out = apply(text, moveSeqItemLast(sc, s, s.items[0]!));
    expect(out).toBe(
      [
        "providers:",
        "  # first is used for writing",
        "  - aescbc:",
        "      keys:",
        "        - name: key1 # rotated 2024",
        "          secret: c2VjcmV0",
        "  - identity: {}",
        "kind: EncryptionConfiguration",
        "",
      ].join("\n"),
    );
    expect(staticValue(getIn(load(out).root, ["providers", 1]))).toEqual({ identity: {} });
  });

  it("does nothing for the last item or a flow sequence", () => {
    const text = "a: [x, y]\nb:\n  - x\n  - y\n";
    const { sc, root } = load(text);
    expect(moveSeqItemLast(sc, seq(root, "a"), seq(root, "a").items[0]!)).toBeNull();
    expect(moveSeqItemLast(sc, seq(root, "b"), seq(root, "b").items[1]!)).toBeNull();
  });
});

describe("small helpers", () => {
  it("finds line starts and ends (block scalars end after their line break)", () => {
    const text = "a: |\n  x\nb: 1 # c\r\nc: 2";
    expect(lineStartOf(text, text.indexOf("1"))).toBe(text.indexOf("b"));
    expect(lineEndAfter(text, text.indexOf("1 #"))).toBe(text.indexOf("\r"));
    const { root } = load(text);
    expect(lineEndAfter(text, root.pairs[0]!.value!.range[1])).toBe(text.indexOf("\nb"));
    expect(lineEndAfter(text, text.length)).toBe(text.length);
  });

  it("asFix wraps edits or passes null through", () => {
    expect(asFix(null)).toBeNull();
    expect(asFix([{ range: [0, 0], text: "x" }])!()).toEqual([{ range: [0, 0], text: "x" }]);
  });
});
