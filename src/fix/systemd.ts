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

/**
 * Append ` --name=value` after the last word of a kubelet `ExecStart=` (same physical line), so it
 * is the last occurrence and wins over earlier ones.
 */
export function appendUnitFlag(sourceCode: K8sSourceCode, set: FlagSetNode, name: string, value: string): RuleTextEdit[] | null {
  const info = unitFlagSetInfo(set);
  if (!info || !SAFE_VALUE.test(value) || !/^[a-z0-9-]+$/u.test(name)) return null;
  void sourceCode;
  return [{ range: [info.insertAt, info.insertAt], text: ` --${name}=${value}` }];
}
