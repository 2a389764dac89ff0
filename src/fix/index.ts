/**
 * @fileoverview YAML-aware edit helpers. Each returns ESLint text edits (or null to bail out and
 * leave the finding report-only). Edits are minimal: they never re-serialise a document, they use
 * the file's own line ending and the siblings' indentation, and they refuse to edit under tab
 * indentation, through aliases or merge keys, or in documents with YAML errors.
 */
import type { DocumentNode, MapNode, PairNode, Range, SeqNode, YamlNode } from "../language/ast.js";
import type { K8sSourceCode } from "../language/source-code.js";
import type { RuleTextEdit } from "../rule.js";

export interface EditContext {
  sourceCode: K8sSourceCode;
  document: DocumentNode;
}

/** Find the (first) document containing an offset: documents are in file order, so binary search. */
export function documentAt(sourceCode: K8sSourceCode, offset: number): DocumentNode | null {
  const docs = sourceCode.ast.body;
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid]!.range[1] < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < docs.length && docs[i]!.range[0] <= offset; i++) if (offset <= docs[i]!.range[1]) return docs[i]!;
  return null;
}

function collectAliases(node: YamlNode | null, out: Range[]): void {
  if (!node) return;
  switch (node.type) {
    case "Alias":
      if (node.target) out.push(node.target.range);
      break;
    case "Map":
      for (const p of node.pairs) {
        collectAliases(p.key, out);
        collectAliases(p.value, out);
      }
      break;
    case "Seq":
      for (const it of node.items) collectAliases(it, out);
      break;
    default:
      break;
  }
}

const aliasCache = new WeakMap<DocumentNode, Range[]>();
const tabIndentCache = new WeakMap<DocumentNode, boolean>();

/**
 * Whether the text range [start, end) may be edited: the document parsed cleanly, uses no tabs for
 * indentation, and no alias elsewhere refers to an anchored node that contains the range.
 */
export function canEdit(sourceCode: K8sSourceCode, start: number, end: number = start): boolean {
  const doc = documentAt(sourceCode, start);
  if (!doc || doc.errors.length) return false;
  // Computed once per document: many fixes ask about the same document.
  let tabs = tabIndentCache.get(doc);
  if (tabs === undefined) {
    tabs = /(^|[\r\n])[ ]*\t/u.test(sourceCode.text.slice(doc.range[0], doc.range[1]));
    tabIndentCache.set(doc, tabs);
  }
  if (tabs) return false;
  let aliased = aliasCache.get(doc);
  if (!aliased) {
    aliased = [];
    collectAliases(doc.content, aliased);
    aliasCache.set(doc, aliased);
  }
  for (const r of aliased) if (start >= r[0] && end <= r[1]) return false;
  return true;
}

/** The line ending of the file. */
function eolOf(sourceCode: K8sSourceCode): string {
  return sourceCode.ast.eol;
}

/** Offset of the start of the line containing `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/**
 * Offset of the end of the line on which a node's value ends (before the line break). A block
 * scalar's value end already includes its final line break: step back over it.
 */
export function lineEndAfter(text: string, valueEnd: number): number {
  let pos = valueEnd;
  if (pos > 0 && text[pos - 1] === "\n") {
    pos--;
    if (pos > 0 && text[pos - 1] === "\r") pos--;
    return pos;
  }
  while (pos < text.length && text[pos] !== "\n" && text[pos] !== "\r") pos++;
  return pos;
}

/** Offset just past the line break that ends the line containing `offset` (or text end). */
function afterLineBreak(text: string, offset: number): number {
  let pos = lineEndAfter(text, offset);
  if (text[pos] === "\r" && text[pos + 1] === "\n") return pos + 2;
  if (text[pos] === "\n" || text[pos] === "\r") return pos + 1;
  return pos;
}

/** Column (0-based) of an offset within its line. */
function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The indentation step of the document: the smallest positive nesting difference seen (default 2). */
export function indentStep(sourceCode: K8sSourceCode, map: MapNode): number {
  const text = sourceCode.text;
  const doc = documentAt(sourceCode, map.range[0]);
  let best = 0;
  const walk = (node: YamlNode | null, parentCol: number | null): void => {
    if (!node || best === 2) return;
    if (node.type === "Map" && !node.flow && node.pairs.length && node.pairs[0]!.key) {
      const col = columnOf(text, node.pairs[0]!.key.range[0]);
      if (parentCol !== null && col > parentCol) {
        const d = col - parentCol;
        if (best === 0 || d < best) best = d;
      }
      for (const p of node.pairs) walk(p.value, col);
    } else if (node.type === "Seq" && !node.flow) {
      for (const it of node.items) walk(it, parentCol);
    }
  };
  walk(doc?.content ?? null, null);
  return best > 0 && best <= 8 ? best : 2;
}

/** Render a scalar for insertion: plain when YAML 1.1 reads it back as the same string, else double-quoted. */
export function renderString(value: string): string {
  const ambiguous = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|)$/u;
  const numeric = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[\da-fA-F_]+|0b[01_]+|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN|[\d:]+)$/u;
  if (ambiguous.test(value) || numeric.test(value) || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|: |[\r\n]/u.test(value) || value.includes(": ")) {
    return JSON.stringify(value);
  }
  return value;
}

/** Replace a scalar node's text. */
export function replaceNode(sourceCode: K8sSourceCode, node: YamlNode, text: string): RuleTextEdit[] | null {
  if (!canEdit(sourceCode, node.range[0], node.range[1])) return null;
  return [{ range: [node.range[0], node.range[1]], text }];
}

/**
 * Set `key: valueText` in a mapping: replace the value if the key exists in this very map,
 * otherwise insert a new pair. `valueText` is already rendered YAML (a scalar or flow value).
 */
export function setMapValue(sourceCode: K8sSourceCode, map: MapNode, key: string, valueText: string): RuleTextEdit[] | null {
  const existing = map.pairs.find((p) => p.key?.type === "Scalar" && String(p.key.value) === key);
  if (existing) {
    // `key:` with no value (an empty null scalar): write after the colon, keeping a space.
    if (existing.value && !(existing.value.type === "Scalar" && existing.value.value === null && existing.value.range[0] === existing.value.range[1])) {
      return replaceNode(sourceCode, existing.value, valueText);
    }
    if (!canEdit(sourceCode, existing.range[0], existing.range[1])) return null;
    return [{ range: [existing.range[1], existing.range[1]], text: ` ${valueText}` }];
  }
  return insertPair(sourceCode, map, key, valueText);
}

/** Insert a pair into a mapping (block: a new line at the siblings' indent; flow: before `}`). */
export function insertPair(sourceCode: K8sSourceCode, map: MapNode, key: string, valueText: string): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (!canEdit(sourceCode, map.range[0], map.range[1])) return null;
  if (map.flow) {
    const close = text.lastIndexOf("}", map.range[1] - 1);
    if (close < map.range[0]) return null;
    const inner = text.slice(map.range[0] + 1, close);
    if (inner.includes("#") || /[\r\n]/u.test(inner)) return null;
    if (map.pairs.length === 0) return [{ range: [map.range[0], close + 1], text: `{${key}: ${valueText}}` }];
    const trimmedEnd = map.range[0] + 1 + inner.replace(/\s+$/u, "").length;
    return [{ range: [trimmedEnd, trimmedEnd], text: `, ${key}: ${valueText}` }];
  }
  const last = map.pairs[map.pairs.length - 1];
  if (!last || !last.key) return null;
  const indent = " ".repeat(columnOf(text, map.pairs[0]!.key!.range[0]));
  const at = lineEndAfter(text, last.range[1]);
  return [{ range: [at, at], text: `${eolOf(sourceCode)}${indent}${key}: ${valueText}` }];
}

/**
 * Ensure `path` of nested block maps exists under `map` and set `key: valueText` at its end.
 * Missing intermediate maps are created as block maps with the document's indent step.
 */
export function setIn(sourceCode: K8sSourceCode, map: MapNode, path: string[], key: string, valueText: string): RuleTextEdit[] | null {
  let cur = map;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const pair = cur.pairs.find((p) => p.key?.type === "Scalar" && String(p.key.value) === seg);
    if (!pair) {
      // A `<<` merge key may bring `seg` in: a new key would silently replace the merged map.
      if (cur.pairs.some((p) => p.key?.type === "Scalar" && p.key.value === "<<")) return null;
      if (cur.flow) {
        // Flow map: insert `seg: {…: value}` as one flow value.
        const rest = path.slice(i + 1);
        let inner = `{${key}: ${valueText}}`;
        for (let j = rest.length - 1; j >= 0; j--) inner = `{${rest[j]}: ${inner}}`;
        return insertPair(sourceCode, cur, seg, inner);
      }
      // Build the rest of the path as nested block lines.
      const step = indentStep(sourceCode, map);
      const text = sourceCode.text;
      const last = cur.pairs[cur.pairs.length - 1];
      if (!last?.key || !canEdit(sourceCode, cur.range[0], cur.range[1])) return null;
      const baseCol = columnOf(text, cur.pairs[0]!.key!.range[0]);
      const eol = eolOf(sourceCode);
      const rest = path.slice(i);
      let block = "";
      rest.forEach((s, j) => {
        block += `${eol}${" ".repeat(baseCol + j * step)}${s}:`;
      });
      block += `${eol}${" ".repeat(baseCol + rest.length * step)}${key}: ${valueText}`;
      const at = lineEndAfter(text, last.range[1]);
      return [{ range: [at, at], text: block }];
    }
    const v = pair.value;
    if (!v || (v.type === "Scalar" && v.value === null && v.range[0] === v.range[1])) {
      // `securityContext:` with nothing after it.
      if (!canEdit(sourceCode, pair.range[0], pair.range[1])) return null;
      const step = indentStep(sourceCode, map);
      const text = sourceCode.text;
      const baseCol = columnOf(text, pair.key!.range[0]);
      const eol = eolOf(sourceCode);
      let block = "";
      const rest = path.slice(i + 1);
      rest.forEach((s, j) => {
        block += `${eol}${" ".repeat(baseCol + (j + 1) * step)}${s}:`;
      });
      block += `${eol}${" ".repeat(baseCol + (rest.length + 1) * step)}${key}: ${valueText}`;
      const at = lineEndAfter(text, pair.range[1]);
      return [{ range: [at, at], text: block }];
    }
    if (v.type !== "Map") return null;
    cur = v;
  }
  return setMapValue(sourceCode, cur, key, valueText);
}

/** Remove a pair from a block mapping: its whole line(s), keeping comments on the lines above. */
export function removePair(sourceCode: K8sSourceCode, map: MapNode, pair: PairNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (map.flow || !map.pairs.includes(pair) || map.pairs.length < 2) return null;
  if (!canEdit(sourceCode, pair.range[0], pair.range[1])) return null;
  const start = lineStartOf(text, pair.range[0]);
  if (text.slice(start, pair.range[0]).trim() !== "") return null; // shares a line with `- ` or another key
  const end = afterLineBreak(text, pair.range[1]);
  return [{ range: [start, end], text: "" }];
}

/** Append an item to a block or flow sequence. `itemText` is rendered YAML for one scalar/flow item. */
export function appendSeqItem(sourceCode: K8sSourceCode, seq: SeqNode, itemText: string): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  if (seq.flow) {
    const close = text.lastIndexOf("]", seq.range[1] - 1);
    if (close < seq.range[0]) return null;
    const inner = text.slice(seq.range[0] + 1, close);
    if (inner.includes("#") || /[\r\n]/u.test(inner)) return null;
    if (seq.items.length === 0) return [{ range: [seq.range[0], close + 1], text: `[${itemText}]` }];
    const trimmedEnd = seq.range[0] + 1 + inner.replace(/\s+$/u, "").length;
    return [{ range: [trimmedEnd, trimmedEnd], text: `, ${itemText}` }];
  }
  const last = seq.items[seq.items.length - 1];
  if (!last) return null;
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  const lineStart = lineStartOf(text, dashAt);
  const prefix = text.slice(lineStart, dashAt);
  if (prefix.trim() !== "") return null;
  const at = lineEndAfter(text, last.range[1]);
  return [{ range: [at, at], text: `${eolOf(sourceCode)}${prefix}- ${itemText}` }];
}

/**
 * Move a block-sequence item to the end of its sequence (e.g. `identity` provider last).
 * Moves the item's whole lines; comments on lines above the item stay where they are.
 */
export function moveSeqItemLast(sourceCode: K8sSourceCode, seq: SeqNode, item: YamlNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (seq.flow) return null;
  const idx = seq.items.indexOf(item);
  if (idx === -1 || idx === seq.items.length - 1) return null;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const dashAt = text.lastIndexOf("-", item.range[0] - 1);
  const start = lineStartOf(text, dashAt);
  if (text.slice(start, dashAt).trim() !== "") return null;
  const end = afterLineBreak(text, item.range[1]);
  const last = seq.items[seq.items.length - 1]!;
  const lastEnd = lineEndAfter(text, last.range[1]);
  let moved = text.slice(start, end);
  const eol = eolOf(sourceCode);
  // The moved block goes after the last item's line.
  if (!/[\r\n]$/u.test(moved)) moved += "";
  const movedBody = moved.replace(/(\r\n|\n|\r)$/u, "");
  return [
    { range: [start, end], text: "" },
    { range: [lastEnd, lastEnd], text: `${eol}${movedBody}` },
  ];
}

/** Wrap precomputed edits as an ESLint fix function, or null when the helper bailed out. */
export function asFix(edits: RuleTextEdit[] | null): (() => RuleTextEdit[]) | null {
  return edits ? () => edits : null;
}
