/**
 * @fileoverview kubeadm-extraargs-v1beta4-map: in `kubeadm.k8s.io/v1beta4`, `extraArgs` and
 * `kubeletExtraArgs` are lists of `{name, value}`; a v1beta3-style map (`flag: value`) does not
 * decode and kubeadm refuses the file. The fix rewrites each `k: v` pair as `- name: k` /
 * `value: "v"` in place (comments between pairs stay).
 */
import type { MapNode } from "../src/language/ast.js";
import type { RuleTextEdit } from "../src/rule.js";
import { asScalar, keyName } from "../src/language/query.js";
import { canEdit, lineStartOf, renderString } from "../src/fix/index.js";
import type { K8sSourceCode } from "../src/language/source-code.js";
import { createRule } from "../src/rule.js";
import { extraArgsBlocks, kubeadmVersion } from "./shared/_kubeadm.js";

/** The text a map value stands for: plain scalars as written (`false` meant "false"), quoted ones by value. */
function valueText(sourceCode: K8sSourceCode, node: MapNode["pairs"][number]["value"]): string | null {
  if (!node) return "";
  const s = asScalar(node);
  if (!s || node.type !== "Scalar") return null;
  if (s.style === "PLAIN") return s.value === null && s.range[0] === s.range[1] ? "" : sourceCode.text.slice(s.range[0], s.range[1]);
  if (s.style === "QUOTE_DOUBLE" || s.style === "QUOTE_SINGLE") return s.value === null ? "" : String(s.value);
  return null;
}

/** Rewrite a map of extra arguments as a v1beta4 list; null when it cannot be done in place. */
export function mapToArgList(sourceCode: K8sSourceCode, map: MapNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (!canEdit(sourceCode, map.range[0], map.range[1])) return null;
  const items: { name: string; value: string }[] = [];
  for (const p of map.pairs) {
    const name = keyName(p);
    const value = valueText(sourceCode, p.value);
    if (name === null || name === "<<" || value === null || p.key?.type !== "Scalar") return null;
    items.push({ name, value });
  }
  const name = (n: string): string => (map.flow && /[,[\]{}]/u.test(n) ? JSON.stringify(n) : renderString(n));
  if (map.flow) {
    const inner = text.slice(map.range[0], map.range[1]);
    if (inner.includes("#") || /[\r\n]/u.test(inner)) return null;
    return [{ range: [map.range[0], map.range[1]], text: `[${items.map((i) => `{name: ${name(i.name)}, value: ${JSON.stringify(i.value)}}`).join(", ")}]` }];
  }
  const edits: RuleTextEdit[] = [];
  const eol = sourceCode.ast.eol;
  map.pairs.forEach((p, i) => {
    const keyStart = p.key!.range[0];
    const col = keyStart - lineStartOf(text, keyStart);
    edits.push({ range: [keyStart, p.range[1]], text: `- name: ${name(items[i]!.name)}${eol}${" ".repeat(col + 2)}value: ${JSON.stringify(items[i]!.value)}` });
  });
  return edits;
}

export default createRule({
  name: "kubeadm-extraargs-v1beta4-map",
  meta: {
    type: "problem",
    docs: {
      description: "Require kubeadm v1beta4 extraArgs and kubeletExtraArgs to be lists of name/value items",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      map: "{{path}} is a map (the v1beta3 form), but kubeadm.k8s.io/v1beta4 takes a list of `- name: <flag>` / `value: \"<value>\"` items: kubeadm cannot decode this file.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (kubeadmVersion(resource) !== "v1beta4") return;
        for (const block of extraArgsBlocks(resource)) {
          if (block.node.type !== "Map") continue;
          const edits = mapToArgList(context.sourceCode, block.node);
          context.report({ node: block.pair.key ?? block.pair, messageId: "map", data: { path: block.path }, fix: edits ? () => edits : null });
        }
      },
    };
  },
});
