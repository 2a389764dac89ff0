/**
 * @fileoverview Edit helpers for flags carried by systemd units (`ExecStart=` words and
 * `Environment=` assignments in the same file). Like the YAML helpers they return minimal text
 * edits or null (report only): they only touch a flag whose text is literally in the linted file
 * (`editable`), never a value that came from an environment file or a variable inside a word, and
 * only write values that need no quoting.
 */
import type { FlagNode, FlagSetNode } from "../language/ast.js";
import type { K8sSourceCode } from "../language/source-code.js";
import { unitFlagSetInfo } from "../language/systemd.js";
import type { RuleTextEdit } from "../rule.js";

/** Values we write unquoted: no whitespace, quotes, `$`, `%` (systemd specifier) or backslash. */
const SAFE_VALUE = /^[A-Za-z0-9_.,:/=+-]*$/u;

/**
 * Set a unit flag's value: replace the written value, or add `=value` after a bare flag
 * (`--anonymous-auth` → `--anonymous-auth=false`). Null when the flag cannot be edited in place.
 */
export function setUnitFlagValue(sourceCode: K8sSourceCode, flag: FlagNode, value: string): RuleTextEdit[] | null {
  if (flag.carrier !== "systemd" || !flag.editable || !SAFE_VALUE.test(value)) return null;
  const text = sourceCode.text;
  if (flag.valueRange) {
    // `--flag=value`, or `--flag value` on one physical line.
    const between = text.slice(flag.nameRange[1], flag.valueRange[0]);
    if (between !== "=" && !/^[ \t]+$/u.test(between)) return null;
    return [{ range: [flag.valueRange[0], flag.valueRange[1]], text: value }];
  }
  // `--bool-flag false` (space form): pflag reads the flag as true and `false` as a stray argument
  // (the kubelet then refuses to start); fold the stray word into the edit.
  const stray = /^[ \t]+(?:true|false|TRUE|FALSE|True|False|[01tTfF])(?=[ \t\r\n\\]|$)/u.exec(text.slice(flag.nameRange[1]));
  const end = flag.nameRange[1] + (stray ? stray[0].length : 0);
  return [{ range: [flag.nameRange[1], end], text: `=${value}` }];
}

/** Offset of the start of the physical line holding `at`. */
function lineStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Offset of the end of the physical line holding `at` (before its line break). */
function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

/** Length of the line break at `at` (0 at the end of the text). */
function breakLength(text: string, at: number): number {
  if (text[at] === "\r") return text[at + 1] === "\n" ? 2 : 1;
  return text[at] === "\n" ? 1 : 0;
}

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";

/**
 * The continuation layout of a multi-line `ExecStart=` whose last word ends at `insertAt`: the
 * blanks its lines put before the trailing `\` and the indentation of its continuation lines.
 * Null when the last word is on the `ExecStart=` line itself (a one-line command).
 */
function continuationStyle(text: string, entryStart: number, insertAt: number): { sep: string; indent: string } | null {
  const ls = lineStart(text, insertAt);
  if (ls <= entryStart) return null;
  let i = ls;
  while (isBlank(text[i])) i++;
  const indent = text.slice(ls, i);
  // The line before (comment lines may sit between a continued line and its continuation).
  let prevEnd = ls;
  for (;;) {
    if (prevEnd <= entryStart) return { sep: " ", indent };
    prevEnd -= text[prevEnd - 1] === "\n" && text[prevEnd - 2] === "\r" ? 2 : 1;
    const ps = lineStart(text, prevEnd);
    let p = ps;
    while (isBlank(text[p])) p++;
    if (text[p] === "#" || text[p] === ";") {
      prevEnd = ps;
      continue;
    }
    let b = prevEnd;
    while (b > ps && isBlank(text[b - 1])) b--;
    if (text[b - 1] !== "\\") return { sep: " ", indent };
    let a = b - 1;
    while (a > ps && isBlank(text[a - 1])) a--;
    return { sep: text.slice(a, b - 1) || " ", indent };
  }
}

/**
 * Add `--name=value` to a unit's `ExecStart=` after its last word, so it is the last occurrence
 * and wins over earlier ones. A multi-line command (`\` continuations) gets a new continuation
 * line in its own style (`--v=2` → `--v=2 \` + newline + `  --name=value`); a one-line command
 * gets ` --name=value` at its end. Null after a `--` word (the flag would be a positional argument).
 */
export function appendUnitFlag(sourceCode: K8sSourceCode, set: FlagSetNode, name: string, value: string): RuleTextEdit[] | null {
  const info = unitFlagSetInfo(set);
  if (!info || info.endOfOptions || !SAFE_VALUE.test(value) || !/^[a-z0-9-]+$/u.test(name)) return null;
  const style = continuationStyle(sourceCode.text, info.entry.range[0], info.insertAt);
  if (!style) return [{ range: [info.insertAt, info.insertAt], text: ` --${name}=${value}` }];
  return [{ range: [info.insertAt, info.insertAt], text: `${style.sep}\\${sourceCode.ast.eol}${style.indent}--${name}=${value}` }];
}

/**
 * Remove a unit flag occurrence (`--name=value`, `--name value`, bare `--name`) written literally
 * in `ExecStart=` or in an `Environment=` assignment of this file:
 * - alone on a continuation line (`  --name=value \`): the whole line;
 * - alone on the last line of a multi-line `ExecStart=`: the line and the ` \` that continued the
 *   line before it (so the command still ends there);
 * - next to other words: the word(s) with the blanks before them (after them, when first).
 * Null when the text is not in this file, or when comment lines sit where the edit would go.
 */
export function removeUnitFlag(sourceCode: K8sSourceCode, flag: FlagNode): RuleTextEdit[] | null {
  if (flag.carrier !== "systemd" || !flag.editable) return null;
  const unit = sourceCode.ast.unit;
  const entry = unit?.entries.find((e) => flag.range[0] >= e.valueRange[0] && flag.range[1] <= e.valueRange[1]);
  if (!entry || (entry.key !== "ExecStart" && entry.key !== "Environment")) return null;
  const text = sourceCode.text;
  const [s, e] = flag.range;
  const ls = lineStart(text, s);
  const le = lineEnd(text, e);
  let afterWord = e;
  while (isBlank(text[afterWord])) afterWord++;
  const aloneBefore = ls > entry.range[0] && text.slice(ls, s).trim() === "";
  if (entry.key === "ExecStart" && aloneBefore) {
    if (text[afterWord] === "\\" && text.slice(afterWord + 1, le).trim() === "" && afterWord + 1 <= le) {
      // A continuation line of its own.
      return [{ range: [ls, le + breakLength(text, le)], text: "" }];
    }
    if (afterWord === le) {
      // The last line: drop it with the ` \` that continued the previous line.
      let prevEnd = ls - (text[ls - 1] === "\n" && text[ls - 2] === "\r" ? 2 : 1);
      if (prevEnd < entry.range[0]) return null;
      let b = prevEnd;
      const ps = lineStart(text, prevEnd);
      while (b > ps && isBlank(text[b - 1])) b--;
      if (text[b - 1] !== "\\") return null; // a comment line in between
      let a = b - 1;
      while (a > ps && isBlank(text[a - 1])) a--;
      if (a <= entry.range[0] + entry.key.length) return null;
      return [{ range: [a, afterWord], text: "" }];
    }
  }
  if (text.slice(s, e).includes("\n") || text.slice(s, e).includes("\r")) return null;
  let a = s;
  while (a > ls && isBlank(text[a - 1])) a--;
  if (a === s || a === ls || /[="']/u.test(text[a - 1] ?? "")) {
    // First word of its line or value: take the blanks after it instead.
    if (afterWord === e && !(a < s && a > ls)) return null;
    if (text[afterWord] === "\\" || afterWord >= le) return null;
    return [{ range: [s, afterWord], text: "" }];
  }
  return [{ range: [a, e], text: "" }];
}
