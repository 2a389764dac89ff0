/**
 * @fileoverview Map a rendered document's key path back to the line of the Helm template that
 * produced it, without running Go templates: the template is read as an indentation outline of
 * literal keys (`key:` lines, `- key:` items), `toYaml`/`include`/`tpl` blocks (a line that is only
 * an action, or a key whose value is one) and `with`/`range` scopes (so `.` inside them resolves to
 * the `.Values` path they bind).
 *
 * The match is the template entry whose key path equals the rendered key path (sequence indices
 * ignored: `range` makes them meaningless in the template); else the deepest key with a block
 * below it that produced the rest. Several equally good entries are told apart by the rendered
 * scalar value and the item `name`; when that fails there is no good line and the caller points at
 * the file and says so. Never a guess.
 */
import type { KeySeg } from "../language/registry.js";

export interface TemplateEntry {
  /** 1-based line and column of the key (or of the action for a block). */
  line: number;
  column: number;
  /** Key path of the entry (keys only). */
  keys: string[];
  /** Indentation of the entry's key (or the block's content indentation). */
  indent: number;
  /** A block (toYaml/include/tpl/template) inserting content below `keys`. */
  block: boolean;
  /** A `key:` line (else a line that is only a block action). */
  fromKey: boolean;
  /** The literal value text after `key:` (no action), or null. */
  literal: string | null;
  /** `.Values` paths referenced on the line, with `with`/`range` scopes resolved. */
  valuesRefs: string[];
  /** The `name:` literal of the sequence item the entry is in, when known. */
  itemName: string | null;
  /** The document (split by `---`) of the template the entry is in, and its literal `kind`. */
  docIndex: number;
}

export interface TemplateOutline {
  entries: TemplateEntry[];
  /** Literal `kind:` per document index (null: templated or absent). */
  kinds: (string | null)[];
}

const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/gu;
const KEY_LINE = /^(\s*)((?:-\s+)*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s:{}#'"][^:{}#]*?)\s*:(?:\s+(.*))?$/u;
const DASH_ONLY = /^(\s*)-\s*(.*)$/u;
const BLOCK_FN = /\b(toYaml|include|tpl|template|toJson|toPrettyJson)\b/u;

/** Resolve a Go-template pipeline's first `.Values…`/`.`/`$.Values…` reference against the dot. */
function valuesRefsOf(action: string, dot: string | null): string[] {
  const refs: string[] = [];
  const re = /(\$?)(\.Values(?:\.[\w-]+)*|\.[\w-]+(?:\.[\w-]+)*|(?<![\w$)\]])\.(?![\w.]))/gu;
  for (const m of action.matchAll(re)) {
    const expr = m[2]!;
    if (m[1] === "$" || expr.startsWith(".Values")) {
      if (expr.startsWith(".Values")) refs.push(expr.slice(".Values".length).replace(/^\./u, ""));
      continue;
    }
    if (dot === null) continue;
    if (expr === ".") refs.push(dot);
    else if (!/^\.(Release|Chart|Capabilities|Template|Files)\b/u.test(expr)) refs.push([dot, expr.slice(1)].filter(Boolean).join("."));
  }
  return refs.filter((r) => r !== "" || dot === "");
}

/** Build the outline of one template file. */
export function outlineTemplate(text: string): TemplateOutline {
  const lines = text.split(/\r\n|\r|\n/u);
  const entries: TemplateEntry[] = [];
  const kinds: (string | null)[] = [null];
  /** Scope stack of `with`/`range`/`if`/`define`… blocks: the dot (a .Values path or null) inside each. */
  const scopes: { dot: string | null; opens: boolean }[] = [];
  let dot: string | null = null;
  let stack: { indent: number; key: string; dashIndent: number | null; open: boolean; item: Item | null }[] = [];
  const itemOf = new Map<TemplateEntry, Item | null>();
  let docIndex = 0;
  let inDefine = 0;

  const currentDot = (): string | null => (scopes.length ? scopes[scopes.length - 1]!.dot : dot);

  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (/^---/u.test(raw)) {
      docIndex++;
      kinds[docIndex] = null;
      stack = [];
      return;
    }
    // Scope bookkeeping, action by action, in line order.
    const actions = [...raw.matchAll(ACTION)];
    const dotBefore = currentDot();
    for (const a of actions) {
      const body = a[1]!.trim();
      if (body.startsWith("/*")) continue;
      const word = /^(\w+)/u.exec(body)?.[1];
      if (word === "with" || word === "range") {
        const expr = body.slice(word.length).replace(/^\s*\$[\w]+\s*(,\s*\$[\w]+\s*)?:=\s*/u, "").trim();
        const refs = valuesRefsOf(expr.split(/\s+\|/u)[0] ?? "", currentDot());
        scopes.push({ dot: refs.length === 1 && /^\S+$/u.test(expr.split("|")[0]!.trim()) ? refs[0]! : null, opens: true });
      } else if (word === "if" || word === "block") {
        scopes.push({ dot: currentDot(), opens: true });
      } else if (word === "define") {
        scopes.push({ dot: null, opens: true });
        inDefine++;
      } else if (word === "end") {
        const s = scopes.pop();
        if (s && s.dot === null && inDefine > 0 && scopes.every((x) => x.dot !== null || x === s)) inDefine = Math.max(0, inDefine - 1);
      }
    }
    const stripped = raw.replace(ACTION, "").trimEnd();
    const onlyActions = actions.length > 0 && stripped.trim() === "";
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) return;
    if (onlyActions) {
      // A block that inserts YAML: `{{ toYaml .Values.x | nindent 8 }}`, `{{- include "x" . | indent 4 }}`.
      const blockAction = actions.find((a) => BLOCK_FN.test(a[1]!) || /\bindent\b/u.test(a[1]!));
      if (!blockAction) return;
      const n = /\bn?indent\s+(\d+)/u.exec(blockAction[1]!);
      const indent = n ? Number(n[1]) : raw.length - raw.trimStart().length;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      entries.push({
        line: lineNo,
        column: raw.length - raw.trimStart().length + 1,
        keys: stack.map((s) => s.key),
        indent,
        block: true,
        fromKey: false,
        literal: null,
        valuesRefs: valuesRefsOf(blockAction[1]!, dotBefore),
        itemName: null,
        docIndex,
      });
      itemOf.set(entries[entries.length - 1]!, stack.length ? stack[stack.length - 1]!.item : null);
      return;
    }
    // Literal YAML, with actions replaced by a placeholder so `key: {{ x }}` still reads as a key.
    const masked = raw.replace(ACTION, (m) => (/^\{\{-?\s*(if|else|end|with|range|define|block)\b/u.test(m) ? "" : "\u0000".repeat(1)));
    const km = KEY_LINE.exec(masked);
    const lead = (masked.length - masked.trimStart().length);
    if (!km) {
      const dm = DASH_ONLY.exec(masked);
      if (dm) {
        // `- value` scalar item or `- {{ … }}`: pop deeper entries; no key.
        while (stack.length && (stack[stack.length - 1]!.indent > lead || (stack[stack.length - 1]!.indent === lead && !stack[stack.length - 1]!.open))) stack.pop();
      }
      return;
    }
    const dashes = km[2]!;
    let keyText = km[3]!.trim();
    if (keyText.includes("\u0000")) keyText = "\u0000";
    keyText = keyText.replace(/^"(.*)"$/su, "$1").replace(/^'(.*)'$/su, "$1");
    const value = (km[4] ?? "").trim();
    const keyIndent = lead + dashes.length;
    let sibling: (typeof stack)[number] | null = null;
    if (dashes) {
      // New sequence item at `lead`: the parent is the open key at < lead (or == lead: `key:\n- a`).
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (top.indent < lead || (top.indent === lead && top.open && top.dashIndent === null)) break;
        stack.pop();
      }
    } else {
      while (stack.length && stack[stack.length - 1]!.indent >= keyIndent) {
        const popped = stack.pop()!;
        // A sibling key of the same mapping (e.g. of the same `- name: x` item) keeps its item name.
        if (popped.indent === keyIndent) sibling = popped;
      }
    }
    // The sequence item the key belongs to: a new one on `- key:`, the sibling's on a sibling key,
    // else the parent's. A literal `name:` directly in the item names it (for all its entries).
    const item: Item | null = dashes ? { name: null } : sibling ? sibling.item : stack.length ? stack[stack.length - 1]!.item : null;
    const directlyInItem = dashes !== "" || (sibling !== null && sibling.item === item && item !== null);
    if (keyText === "name" && directlyInItem && item && value && !value.includes("\u0000")) {
      item.name = value.replace(/^"(.*)"$/su, "$1").replace(/^'(.*)'$/su, "$1");
    }
    const keys = [...stack.map((s) => s.key), keyText];
    const valueActions = [...raw.slice(raw.indexOf(":", lead)).matchAll(ACTION)].map((a) => a[1]!);
    const isBlockValue = valueActions.some((a) => BLOCK_FN.test(a) || /\bn?indent\b/u.test(a));
    const literal = value && !value.includes("\u0000") ? value.replace(/\s+#.*$/u, "") : null;
    const entry: TemplateEntry = {
      line: lineNo,
      column: keyIndent + 1,
      keys,
      indent: keyIndent,
      block: isBlockValue,
      fromKey: true,
      literal,
      valuesRefs: valueActions.flatMap((a) => valuesRefsOf(a, currentDot())),
      itemName: null,
      docIndex,
    };
    entries.push(entry);
    itemOf.set(entry, item);
    if (keys.length === 1 && keyText === "kind" && literal) kinds[docIndex] = literal.replace(/^["']|["']$/gu, "");
    stack.push({ indent: keyIndent, key: keyText, dashIndent: dashes ? lead : null, open: value === "" || isBlockValue, item });
  });
  for (const e of entries) e.itemName = itemOf.get(e)?.name ?? null;
  return { entries, kinds };
}

interface Item {
  name: string | null;
}

export type TemplateMatch =
  | { kind: "exact"; entry: TemplateEntry; valuesPath: string | null }
  | { kind: "block"; entry: TemplateEntry; valuesPath: string | null }
  | { kind: "none"; reason: string };

const keysOf = (path: KeySeg[]): string[] => path.flatMap((s) => ("key" in s ? [s.key] : []));
const sameKeys = (a: string[], b: string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i] || k === "\u0000");

/** The segments of `path` after its first `n` keys (indices included), as a dotted values path. */
function restAfterKeys(path: KeySeg[], n: number): string {
  let seen = 0;
  let i = 0;
  while (i < path.length && seen < n) {
    if ("key" in path[i]!) seen++;
    i++;
  }
  return path
    .slice(i)
    .map((s) => ("key" in s ? s.key : `[${s.index}]`))
    .join(".")
    .replace(/\.\[/gu, "[");
}

/** Literal text and a rendered scalar are the same value (quotes and case of booleans aside). */
function sameScalar(literal: string, scalar: string): boolean {
  const l = literal.replace(/^"(.*)"$/su, "$1").replace(/^'(.*)'$/su, "$1");
  return l === scalar || l.toLowerCase() === scalar.toLowerCase();
}

/**
 * The template entry that produced the node at `path`, for a resource of `kind`. `scalar` is the
 * rendered value of the node when it is a scalar (used to tell equal key paths apart and to refuse
 * a literal line that cannot have produced the value).
 */
export function matchTemplate(outline: TemplateOutline, path: KeySeg[], kind: string | null, scalar: string | null): TemplateMatch {
  const docs = new Set<number>();
  outline.kinds.forEach((k, i) => {
    if (kind === null || k === null || k === kind) docs.add(i);
  });
  const entries = outline.entries.filter((e) => docs.has(e.docIndex));
  const keys = keysOf(path);
  const itemNames = path.flatMap((s) => ("index" in s && s.name !== undefined ? [s.name] : []));
  const lastItemName = itemNames.length ? itemNames[itemNames.length - 1]! : null;
  const where = keys.join(".") || "this document";

  const narrow = (cands: TemplateEntry[], useValue: boolean): TemplateEntry[] => {
    if (cands.length <= 1) return cands;
    if (useValue && scalar !== null) {
      const byValue = cands.filter((e) => e.literal !== null && sameScalar(e.literal, scalar));
      if (byValue.length === 1) return byValue;
    }
    if (lastItemName !== null) {
      const byName = cands.filter((e) => e.itemName === lastItemName);
      if (byName.length === 1) return byName;
      const notOther = cands.filter((e) => e.itemName === null || e.itemName === lastItemName);
      if (notOther.length >= 1 && notOther.length < cands.length) cands = notOther;
    }
    return cands;
  };

  // 1. A key line (literal value, action value or block value) with exactly this key path.
  const exact = narrow(entries.filter((e) => e.fromKey && sameKeys(e.keys, keys)), true);
  if (exact.length > 1) return { kind: "none", reason: `${exact.length} lines of the template could produce ${where}` };
  if (exact.length === 1) {
    const e = exact[0]!;
    if (e.literal !== null && scalar !== null && !sameScalar(e.literal, scalar)) {
      return { kind: "none", reason: `the template's ${where} (line ${e.line}) is not the rendered value` };
    }
    return { kind: "exact", entry: e, valuesPath: e.valuesRefs.length === 1 ? e.valuesRefs[0]! : null };
  }
  // 2. The deepest prefix with a block (toYaml/include) below it that inserted the rest.
  for (let n = keys.length - 1; n >= 0; n--) {
    const prefix = keys.slice(0, n);
    const blocks = narrow(entries.filter((e) => e.block && sameKeys(e.keys, prefix)), false);
    if (blocks.length > 1) return { kind: "none", reason: `${blocks.length} template blocks could produce ${where}` };
    if (blocks.length === 1) {
      const e = blocks[0]!;
      const rest = restAfterKeys(path, n);
      const base = e.valuesRefs.length === 1 ? e.valuesRefs[0]! : null;
      return { kind: "block", entry: e, valuesPath: base === null ? null : [base, rest].filter(Boolean).join(".").replace(/\.\[/gu, "[") };
    }
  }
  return { kind: "none", reason: `no line of the template produces ${where}` };
}
