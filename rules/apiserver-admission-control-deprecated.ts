/**
 * @fileoverview apiserver-admission-control-deprecated: kube-apiserver uses the deprecated
 * `--admission-control` flag. It sets the complete list of admission plugins (every default-on
 * plugin it leaves out is off) and cannot be combined with `--enable-admission-plugins` /
 * `--disable-admission-plugins`. Suggestion: rename it to `--enable-admission-plugins`.
 */
import type { FlagNode, FlagSetNode } from "../src/language/ast.js";
import { canEdit } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import type { K8sSourceCode } from "../src/language/source-code.js";

const NEW_NAME = "enable-admission-plugins";

/** Rename every `--admission-control` occurrence in place; null when one of them cannot be edited. */
function renameAll(sourceCode: K8sSourceCode, set: FlagSetNode, occ: FlagNode[]): RuleTextEdit[] | null {
  const edits: RuleTextEdit[] = [];
  for (const f of occ) {
    if (!f.editable || !f.node) return null;
    const [s, e] = f.nameRange;
    // The name range must hold exactly the written name (not the whole item, as for escaped scalars).
    const written = sourceCode.text.slice(s, e);
    const plain = set.carrier === "extraArgs" ? written.replace(/^(["'])(.*)\1$/u, "$2") : written;
    if (plain !== f.rawName || !canEdit(sourceCode, s, e)) return null;
    edits.push({ range: [s, e], text: NEW_NAME });
  }
  return edits.length ? edits : null;
}

export default createRule({
  name: "apiserver-admission-control-deprecated",
  meta: {
    type: "suggestion",
    docs: {
      description: "Flag the deprecated kube-apiserver --admission-control flag",
      severity: "info",
      presets: ["recommended"],
    },
    messages: {
      deprecated:
        "kube-apiserver --admission-control is deprecated: it sets the complete list of admission plugins, so every plugin that is on by default but missing from '{{value}}' is off. Use --enable-admission-plugins and --disable-admission-plugins.",
      rename:
        "Rename it to --enable-admission-plugins (plugins that are on by default are then on as well; list any that must stay off in --disable-admission-plugins).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(set) {
        if (set.component !== "kube-apiserver") return;
        const occ = set.flags.filter((f) => f.name === "admission-control");
        if (!occ.length) return;
        // The two styles are mutually exclusive: a rename would make the combination.
        const other = set.flags.some((f) => f.name === "enable-admission-plugins" || f.name === "disable-admission-plugins");
        const edits = other ? null : renameAll(sourceCode, set, occ);
        for (const f of occ) {
          context.report({
            node: { range: f.range },
            messageId: "deprecated",
            data: { value: f.value ?? "" },
            suggest: edits ? [{ messageId: "rename", fix: () => edits }] : null,
          });
        }
      },
    };
  },
});
