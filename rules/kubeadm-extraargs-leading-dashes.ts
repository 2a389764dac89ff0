/**
 * @fileoverview kubeadm-extraargs-leading-dashes: kubeadm extra-argument names are flag names
 * "without leading dash(es)" — kubeadm writes `--<name>=<value>` itself, so `--profiling` becomes
 * `----profiling=false` on the component's command line and the component exits with an unknown
 * flag. The fix strips the dashes (unless a v1beta3 map already has the plain key).
 */
import type { ScalarNode } from "../src/language/ast.js";
import { literalTextStart } from "../src/language/flags.js";
import { asMap, asScalar, getPair, keyName, scalarString, seqItems } from "../src/language/query.js";
import { canEdit } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import type { RuleTextEdit } from "../src/rule.js";
import { extraArgsBlocks } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-extraargs-leading-dashes",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow leading dashes in kubeadm extraArgs and kubeletExtraArgs names",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      dashes: "{{path}} names the flag '{{written}}' with leading dashes: kubeadm adds '--' itself, so {{component}} is started with '--{{written}}' and exits with an unknown flag. Write '{{name}}'.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const strip = (s: ScalarNode, clash: boolean): RuleTextEdit[] | null => {
      const v = scalarString(s);
      const start = literalTextStart(sourceCode.text, s);
      if (clash || v === null || start === null) return null;
      const n = v.length - v.replace(/^-+/u, "").length;
      const rest = v.slice(n);
      // The rest must read back as the same string where it stands (plain `true` would not).
      if (s.style === "PLAIN" && (rest === "" || /^[\s?:,[\]{}#&*!|>'"%@`]/u.test(rest) || /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?[\d.]+)$/iu.test(rest))) return null;
      if (!canEdit(sourceCode, start, start + n)) return null;
      return [{ range: [start, start + n], text: "" }];
    };
    return {
      Resource(resource) {
        for (const block of extraArgsBlocks(resource)) {
          const targets: { s: ScalarNode; clash: boolean }[] = [];
          if (block.node.type === "Map") {
            for (const p of block.node.pairs) {
              const k = keyName(p);
              const ks = asScalar(p.key);
              if (k === null || !ks || !k.startsWith("-")) continue;
              targets.push({ s: ks, clash: getPair(block.node, k.replace(/^-+/u, "")) !== null });
            }
          } else if (block.node.type === "Seq") {
            for (const item of seqItems(block.node)) {
              const s = asScalar(getPair(asMap(item), "name")?.value ?? null);
              const v = s ? scalarString(s) : null;
              if (s && v !== null && v.startsWith("-")) targets.push({ s, clash: false });
            }
          }
          for (const { s, clash } of targets) {
            const written = scalarString(s)!;
            const edits = strip(s, clash);
            context.report({
              node: s,
              messageId: "dashes",
              data: { path: block.path, written, name: written.replace(/^-+/u, ""), component: block.component },
              fix: edits ? () => edits : null,
            });
          }
        }
      },
    };
  },
});
