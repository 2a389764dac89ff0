/**
 * @fileoverview Edit helpers for component flags carried in YAML: static-pod `command`/`args`
 * items (`- --name=value`), kubeadm v1beta3 `extraArgs` maps (`name: "value"`) and v1beta4
 * `extraArgs` lists (`- name: x` / `value: "y"`). Systemd carriers are delegated to ./systemd.ts.
 *
 * Like every helper in src/fix, they return minimal text edits or null (report only): they bail
 * out where `canEdit` refuses (YAML errors, tab indentation, anchored/aliased nodes), where the
 * flag's text is not literally in the file (`editable: false`, escapes, folded scalars), and where
 * the new text would need quoting the existing scalar cannot take.
 */
import type { FlagNode, FlagSetNode, MapNode, PairNode, Range, ScalarNode, SeqNode, YamlNode } from "../language/ast.js";
import { effectiveFlag, kubeadmExtraArgsToCreate, kubeadmExtraEnvs } from "../language/flags.js";
import { asMap, getSeq } from "../language/query.js";
import type { K8sSourceCode } from "../language/source-code.js";
import type { RuleTextEdit } from "../rule.js";
import { appendSeqItem, canEdit, insertPair, lineEndAfter, lineStartOf, removePair, setIn } from "./index.js";
import { appendUnitFlag, removeUnitFlag, setUnitFlagValue } from "./systemd.js";

/** Text that is safe inside a plain scalar in block context. */
function plainSafe(text: string, flow: boolean): boolean {
  if (text === "" || /[\r\n\t]|: |:$| #|\s$|^\s/u.test(text)) return false;
  if (flow && /[,[\]{}]/u.test(text)) return false;
  return true;
}

/** Render `--name=value` (or any argv word) as a sequence item: plain when safe, else double-quoted. */
export function renderArgvWord(word: string, flow: boolean): string {
  if (plainSafe(word, flow) && !/^[?:,[\]{}#&*!|>'"%@`]/u.test(word)) return word;
  return JSON.stringify(word);
}

/**
 * Text to write inside an existing scalar so that it reads back as `value`, given the scalar's
 * style; null when that cannot be done in place.
 */
function escapeForStyle(scalar: ScalarNode, value: string, fullAfter: string, flow: boolean): string | null {
  switch (scalar.style) {
    case "PLAIN":
      return plainSafe(fullAfter, flow) ? value : null;
    case "QUOTE_DOUBLE":
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/u.test(value)) return null;
      return value.replace(/\\/gu, "\\\\").replace(/"/gu, '\\"');
    case "QUOTE_SINGLE":
      if (/[\r\n]/u.test(value)) return null;
      return value.replace(/'/gu, "''");
    default:
      return null;
  }
}

/** The command/args sequence (of a static-pod FlagSet) that holds a node, and whether it is flow. */
function argvSeqs(set: FlagSetNode): SeqNode[] {
  const out: SeqNode[] = [];
  const c = set.containerNode;
  if (c) {
    for (const k of ["command", "args"]) {
      const s = getSeq(c.node, k);
      if (s) out.push(s);
    }
  } else if (set.container?.type === "Seq") out.push(set.container);
  return out;
}

function seqHolding(set: FlagSetNode, node: YamlNode | PairNode | null): SeqNode | null {
  if (!node) return null;
  for (const s of argvSeqs(set)) if (s.items.includes(node as YamlNode)) return s;
  return null;
}

/** Whether a command/args flag was written in the `--name value` form (two sequence items). */
export function isSpaceForm(flag: FlagNode): boolean {
  return (flag.carrier === "command" || flag.carrier === "args") && flag.valueRange !== null && flag.node !== null && flag.valueRange[0] > flag.node.range[1];
}

/** Replace the value of one command/args flag occurrence. */
function setArgvFlagValue(sourceCode: K8sSourceCode, set: FlagSetNode, flag: FlagNode, value: string): RuleTextEdit[] | null {
  const scalar = flag.node?.type === "Scalar" ? flag.node : null;
  if (!scalar || !flag.editable) return null;
  const seq = seqHolding(set, scalar);
  if (!seq) return null;
  const text = sourceCode.text;
  if (flag.valueRange === null) {
    // Bare `--name`: add `=value` after the name.
    const full = `${text.slice(scalar.range[0], flag.nameRange[1])}=${value}`;
    const esc = escapeForStyle(scalar, value, full.replace(/^["']/u, ""), seq.flow);
    if (esc === null || !canEdit(sourceCode, flag.nameRange[1])) return null;
    return [{ range: [flag.nameRange[1], flag.nameRange[1]], text: `=${esc}` }];
  }
  if (isSpaceForm(flag)) {
    // `--name value`: the value is its own item; write it as a whole scalar of its own.
    const vr = flag.valueRange;
    const next = seq.items.find((it) => it && it.range[0] <= vr[0] && it.range[1] >= vr[1]);
    if (!next || next.type !== "Scalar") return null;
    if (!canEdit(sourceCode, next.range[0], next.range[1])) return null;
    return [{ range: [next.range[0], next.range[1]], text: renderArgvWord(value, seq.flow) }];
  }
  const [vs, ve] = flag.valueRange;
  const full = `${text.slice(scalar.range[0], vs)}${value}`;
  const esc = escapeForStyle(scalar, value, full, seq.flow);
  if (esc === null || !canEdit(sourceCode, vs, ve)) return null;
  return [{ range: [vs, ve], text: esc }];
}

/**
 * Append an argv word to a command/args sequence. (src/fix/index.ts `appendSeqItem` looks for the
 * item's dash from the item start itself, which finds the item's own leading `-` for flag items
 * like `--foo`; this variant searches before the item.)
 */
function appendArgvItem(sourceCode: K8sSourceCode, seq: SeqNode, itemText: string): RuleTextEdit[] | null {
  if (seq.flow || seq.items.length === 0) return appendSeqItem(sourceCode, seq, itemText);
  const text = sourceCode.text;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const last = seq.items[seq.items.length - 1];
  if (!last) return null;
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  if (dashAt < seq.range[0]) return null;
  const lineStart = lineStartOf(text, dashAt);
  const prefix = text.slice(lineStart, dashAt);
  if (prefix.trim() !== "" || text.slice(dashAt + 1, last.range[0]).trim() !== "") return null;
  const gap = text.slice(dashAt + 1, last.range[0]);
  const at = lineEndAfter(text, last.range[1]);
  return [{ range: [at, at], text: `${sourceCode.ast.eol}${prefix}-${/[\r\n]/u.test(gap) ? " " : gap}${itemText}` }];
}

/** The sequence a new flag is appended to: `args` when present (argv = command + args), else `command`. */
function appendTarget(set: FlagSetNode): SeqNode | null {
  const c = set.containerNode;
  if (c) return getSeq(c.node, "args") ?? getSeq(c.node, "command");
  return set.container?.type === "Seq" ? set.container : null;
}

/** Quote a kubeadm extraArgs value: always a double-quoted string (the field is a string). */
function kubeadmValue(value: string): string {
  return JSON.stringify(value);
}

/** The v1beta4 list item (a map `{name, value}`) an extraArgs flag was read from. */
function v1beta4Item(list: SeqNode, flag: FlagNode): MapNode | null {
  for (const it of list.items) {
    const m = asMap(it);
    if (m && m.range[0] === flag.range[0] && m.range[1] === flag.range[1]) return m;
  }
  return null;
}

/** Append a `- name: x` / `value: "y"` item to a v1beta4 extraArgs list. */
function appendV1beta4Arg(sourceCode: K8sSourceCode, list: SeqNode, name: string, value: string): RuleTextEdit[] | null {
  if (list.flow || list.items.length === 0) return appendSeqItem(sourceCode, list, `{name: ${name}, value: ${kubeadmValue(value)}}`);
  const text = sourceCode.text;
  if (!canEdit(sourceCode, list.range[0], list.range[1])) return null;
  const last = list.items[list.items.length - 1];
  if (!last) return null;
  const dashAt = text.lastIndexOf("-", last.range[0] - 1);
  const lineStart = lineStartOf(text, dashAt);
  const prefix = text.slice(lineStart, dashAt);
  if (prefix.trim() !== "") return null;
  // Keep the siblings' spacing between `-` and the first key (usually one space).
  const lastMap = asMap(last);
  const firstKey = lastMap && !lastMap.flow ? lastMap.pairs[0]?.key : null;
  const gap = firstKey && firstKey.range[0] > dashAt && !/[\r\n]/u.test(text.slice(dashAt, firstKey.range[0])) ? firstKey.range[0] - dashAt - 1 : 1;
  const eol = sourceCode.ast.eol;
  const keyIndent = `${prefix}${" ".repeat(1 + gap)}`;
  const at = lineEndAfter(text, last.range[1]);
  return [{ range: [at, at], text: `${eol}${prefix}-${" ".repeat(gap)}name: ${name}${eol}${keyIndent}value: ${kubeadmValue(value)}` }];
}

/** Replace the value of a kubeadm `extraEnvs` entry (`- name: ETCD_X` / `value: "y"`) that carries a flag. */
function setKubeadmEnvValue(sourceCode: K8sSourceCode, flag: FlagNode, value: string): RuleTextEdit[] | null {
  const pair = flag.node?.type === "Pair" ? flag.node : null;
  if (!flag.editable || !pair?.value || !canEdit(sourceCode, pair.value.range[0], pair.value.range[1])) return null;
  return [{ range: [pair.value.range[0], pair.value.range[1]], text: kubeadmValue(value) }];
}

/** Add `extraArgs` with one `{name, value}` entry to a kubeadm component that has none (its flags come from `extraEnvs`). */
function addKubeadmExtraArgs(sourceCode: K8sSourceCode, set: FlagSetNode, name: string, value: string): RuleTextEdit[] | null {
  const path = kubeadmExtraArgsToCreate(set);
  const resource = set.resource;
  if (!path || !resource) return null;
  return setIn(sourceCode, resource.node, path.slice(0, -1), path[path.length - 1]!, `[{name: ${name}, value: ${kubeadmValue(value)}}]`);
}

/**
 * Set a flag to `value` in a FlagSet: edit the effective (last) occurrence in place, or add the
 * flag when it is absent. Null when the edit cannot be made safely.
 */
export function setFlag(sourceCode: K8sSourceCode, set: FlagSetNode, name: string, value: string): RuleTextEdit[] | null {
  const flag = effectiveFlag(set, name);
  if (set.carrier === "systemd" || set.carrier === "environment") {
    return flag ? setUnitFlagValue(sourceCode, flag, value) : appendUnitFlag(sourceCode, set, name, value);
  }
  if (set.carrier === "extraArgs") {
    // An etcd setting from a kubeadm `extraEnvs` entry (`ETCD_*`): edit the variable's value.
    if (flag?.carrier === "environment") return setKubeadmEnvValue(sourceCode, flag, value);
    const container = set.container;
    if (!container) return addKubeadmExtraArgs(sourceCode, set, name, value);
    if (container.type === "Map") {
      if (flag) {
        const pair = flag.node?.type === "Pair" ? flag.node : null;
        if (!pair) return null;
        if (pair.value) {
          if (!canEdit(sourceCode, pair.value.range[0], pair.value.range[1])) return null;
          return [{ range: [pair.value.range[0], pair.value.range[1]], text: kubeadmValue(value) }];
        }
        if (!canEdit(sourceCode, pair.range[0], pair.range[1])) return null;
        return [{ range: [pair.range[1], pair.range[1]], text: ` ${kubeadmValue(value)}` }];
      }
      if (container.pairs.length === 0 && !container.flow) return null;
      return insertPair(sourceCode, container, name, kubeadmValue(value));
    }
    if (container.type === "Seq") {
      if (flag) {
        const item = v1beta4Item(container, flag);
        if (!item) return null;
        const vp = flag.node?.type === "Pair" && flag.node.key?.type === "Scalar" && flag.node.key.value === "value" ? flag.node : null;
        if (vp?.value) {
          if (!canEdit(sourceCode, vp.value.range[0], vp.value.range[1])) return null;
          return [{ range: [vp.value.range[0], vp.value.range[1]], text: kubeadmValue(value) }];
        }
        if (vp) return null;
        return insertPair(sourceCode, item, "value", kubeadmValue(value));
      }
      return appendV1beta4Arg(sourceCode, container, name, value);
    }
    return null;
  }
  // Static-pod command/args.
  if (flag) return setArgvFlagValue(sourceCode, set, flag, value);
  const seq = appendTarget(set);
  if (!seq) return null;
  return appendArgvItem(sourceCode, seq, renderArgvWord(`--${name}=${value}`, seq.flow));
}

/**
 * Express a deletion as its rightmost equivalent: deleting `D` before text that starts like `D`
 * (a sibling `    - ` line, a `,Item`) gives the same result when shifted right; the shifted form
 * re-writes the shared characters. Diff-based checks (prefix/suffix matching, as in
 * test/rule-tester.ts) then see the change inside the edit's range.
 */
function rightAligned(text: string, edits: RuleTextEdit[] | null): RuleTextEdit[] | null {
  if (!edits || edits.length !== 1 || edits[0]!.text !== "") return edits;
  const [s, e] = edits[0]!.range;
  let k = 0;
  while (e + k < text.length && text[s + k] === text[e + k]) k++;
  return k ? [{ range: [s, e + k], text: text.slice(e, e + k) }] : edits;
}

/** Split a comma list into items with their offsets relative to the list start. */
function splitList(value: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ",") {
      out.push({ text: value.slice(start, i).trim(), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Remove a whole flag occurrence: its command/args item line, its v1beta3 map pair or its v1beta4
 * list item. Null for the `--name value` two-item form, flow collections and shared lines.
 */
export function removeFlag(sourceCode: K8sSourceCode, set: FlagSetNode, flag: FlagNode): RuleTextEdit[] | null {
  // systemd ExecStart= / Environment= words (./systemd.ts); never a value from an environment file.
  if (set.carrier === "systemd") return rightAligned(sourceCode.text, removeUnitFlag(sourceCode, flag));
  if (set.carrier === "extraArgs") {
    if (flag.carrier === "environment") {
      // A kubeadm `extraEnvs` entry (`ETCD_*`): remove the list item.
      const list = kubeadmExtraEnvs(set);
      const item = list?.items.find((i) => i !== null && i.range[0] === flag.range[0]) ?? null;
      return flag.editable && list && item ? removeSeqItem(sourceCode, list, item) : null;
    }
    const container = set.container;
    if (container?.type === "Map") {
      const pair = flag.node?.type === "Pair" ? flag.node : null;
      return pair ? rightAligned(sourceCode.text, removePair(sourceCode, container, pair)) : null;
    }
    if (container?.type === "Seq") {
      const item = v1beta4Item(container, flag);
      return item ? removeSeqItem(sourceCode, container, item) : null;
    }
    return null;
  }
  if (set.carrier !== "command" && set.carrier !== "args") return null;
  if (isSpaceForm(flag) || flag.node?.type !== "Scalar") return null;
  const seq = seqHolding(set, flag.node);
  if (!seq) return null;
  // Keep at least the command word: never empty a sequence.
  if (seq.items.length < 2) return null;
  return removeSeqItem(sourceCode, seq, flag.node);
}

/** Remove one item of a block sequence: its whole lines (the item must start its own `- ` line). */
export function removeSeqItem(sourceCode: K8sSourceCode, seq: SeqNode, item: YamlNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (seq.flow || !seq.items.includes(item)) return null;
  if (!canEdit(sourceCode, item.range[0], item.range[1])) return null;
  // Search before the item: a flag item itself starts with `-`.
  const dashAt = text.lastIndexOf("-", item.range[0] - 1);
  if (dashAt < seq.range[0]) return null;
  const start = lineStartOf(text, dashAt);
  if (text.slice(start, dashAt).trim() !== "" || text.slice(dashAt + 1, item.range[0]).trim() !== "") return null;
  // The item must end its line (only a comment may follow).
  const lineEnd = lineEndAfter(text, item.range[1]);
  const rest = text.slice(item.range[1], lineEnd);
  if (rest.trim() !== "" && !rest.trim().startsWith("#")) return null;
  let end = lineEnd;
  if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
  else if (text[end] === "\n" || text[end] === "\r") end += 1;
  return rightAligned(text, [{ range: [start, end], text: "" }]);
}

/**
 * Remove one item from a comma-list flag occurrence (e.g. `PodSecurityPolicy` from
 * `--enable-admission-plugins=NodeRestriction,PodSecurityPolicy`), with its separating comma.
 * When it is the only item, the whole flag occurrence is removed instead (`removeFlag`).
 */
export function removeFromListFlag(sourceCode: K8sSourceCode, set: FlagSetNode, flag: FlagNode, item: string): RuleTextEdit[] | null {
  if (flag.value === null || !flag.valueRange || !flag.editable) return null;
  const text = sourceCode.text;
  const [vs, ve] = flag.valueRange;
  if (text.slice(vs, ve) !== flag.value) return null;
  const items = splitList(flag.value);
  const idx = items.findIndex((i) => i.text === item);
  if (idx === -1) return null;
  const nonEmpty = items.filter((i) => i.text !== "");
  if (nonEmpty.length === 1) return removeFlag(sourceCode, set, flag);
  let range: Range;
  if (idx > 0) range = [vs + items[idx - 1]!.end, vs + items[idx]!.end];
  else range = [vs + items[0]!.start, vs + items[1]!.start];
  // Do not leave leading whitespace after the `=` when removing the first item.
  if (idx === 0) {
    while (range[1] < ve && text[range[1]] === " ") range = [range[0], range[1] + 1];
  }
  // Unit files have no YAML to check: the literal, editable value text above is the condition.
  if (flag.carrier !== "systemd" && !canEdit(sourceCode, range[0], range[1])) return null;
  return rightAligned(text, [{ range, text: "" }]);
}
