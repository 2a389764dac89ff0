/**
 * @fileoverview flag-bool-space-value: a bool flag written with a space before its value
 * (`--anonymous-auth false`). pflag (and Go's flag package, for etcd) never takes a separate value
 * for a bool flag: the flag is read as true and `false` becomes a stray positional argument
 * (pflag README: "`-b true` is INVALID"). Safe fix: `--flag=value`.
 */
import type { FlagNode, FlagSetNode } from "../src/language/ast.js";
import { canEdit } from "../src/fix/index.js";
import { setUnitFlagValue } from "../src/fix/systemd.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { BOOL_LITERAL, isBoolFlag, isTwoItemForm } from "./shared/_flag-hygiene.js";

type MessageIds = "spaceValue";

/** The stray word after a bare systemd bool flag written in this file, with its text. */
function unitStrayWord(sourceCode: K8sSourceCode, f: FlagNode): string | null {
  if (f.carrier !== "systemd" || f.value !== null || !f.editable) return null;
  const text = sourceCode.text;
  if (text.slice(f.nameRange[0], f.nameRange[1]) !== f.rawName) return null;
  const m = /^[ \t]+(1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)(?=[ \t\r\n\\"]|$)/u.exec(text.slice(f.nameRange[1]));
  return m ? m[1]! : null;
}

/** `- --flag` / `- false` → `- --flag=false`: join the two sequence items. */
function joinItems(sourceCode: K8sSourceCode, f: FlagNode, literal: string): RuleTextEdit[] | null {
  const s = f.node?.type === "Scalar" ? f.node : null;
  if (!s || s.style !== "PLAIN" || !f.editable || !f.valueRange) return null;
  const text = sourceCode.text;
  const between = text.slice(s.range[1], f.valueRange[0]);
  if (!/^(?:[ \t]*\r?\n[ \t]*-[ \t]+|[ \t]*,[ \t]*)["']?$/u.test(between)) return null;
  if (!canEdit(sourceCode, s.range[0], f.range[1])) return null;
  return [{ range: [s.range[1], f.range[1]], text: `=${literal}` }];
}

export default createRule<MessageIds>({
  name: "flag-bool-space-value",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a space between a bool flag and its value (--flag false is read as --flag=true)",
      severity: "high",
      presets: ["recommended"],
    },
    fixable: "code",
    messages: {
      spaceValue:
        "'--{{flag}} {{written}}' is written with a space: {{component}} takes no separate value for a bool flag, so --{{flag}} is true and '{{written}}' is a stray argument ({{consequence}}). Write --{{flag}}={{written}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const consequence = (set: FlagSetNode): string =>
      set.component === "etcd"
        ? "etcd stops reading flags there, so every later flag is ignored too, and it refuses to start"
        : "the component refuses to start with a positional argument";
    return {
      FlagSet(set) {
        for (const f of set.flags) {
          if (!isBoolFlag(set.component, f.name)) continue;
          let written: string | null = null;
          let edits: RuleTextEdit[] | null = null;
          if (isTwoItemForm(f) && f.value !== null && BOOL_LITERAL.test(f.value.trim())) {
            written = f.value.trim();
            edits = joinItems(sourceCode, f, written);
          } else {
            written = unitStrayWord(sourceCode, f);
            if (written !== null) edits = setUnitFlagValue(sourceCode, f, written);
          }
          if (written === null) continue;
          context.report({
            node: f,
            messageId: "spaceValue",
            data: { flag: f.name, written, component: set.component, consequence: consequence(set) },
            ...(edits ? { fix: () => edits } : {}),
          });
        }
      },
    };
  },
});
