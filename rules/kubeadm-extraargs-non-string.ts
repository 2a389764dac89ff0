/**
 * @fileoverview kubeadm-extraargs-non-string: kubeadm extra-argument values are Go strings
 * (v1beta3 `map[string]string`, v1beta4 `Arg.Value string`). A YAML boolean or number (`false`,
 * `0`, `on`, `10250`) is not a string, so decoding the file fails. The fix quotes the value as
 * written (a YAML 1.1 boolean such as `off` becomes "false", which the component parses).
 */
import type { ScalarNode } from "../src/language/ast.js";
import { asMap, asScalar, getPair, seqItems } from "../src/language/query.js";
import { canEdit } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { extraArgsBlocks } from "./shared/_kubeadm.js";

export default createRule({
  name: "kubeadm-extraargs-non-string",
  meta: {
    type: "problem",
    docs: {
      description: "Require kubeadm extraArgs and kubeletExtraArgs values to be YAML strings",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      nonString: "{{path}} value {{written}} is a YAML {{type}}, but kubeadm reads extra-argument values as strings: kubeadm fails to decode the file. Write it as the string \"{{replacement}}\".",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const text = context.sourceCode.text;
    return {
      Resource(resource) {
        for (const block of extraArgsBlocks(resource)) {
          const values: ScalarNode[] = [];
          if (block.node.type === "Map") {
            for (const p of block.node.pairs) {
              const s = asScalar(p.value);
              if (s && p.value === s) values.push(s);
            }
          } else if (block.node.type === "Seq") {
            for (const item of seqItems(block.node)) {
              const vp = getPair(asMap(item), "value");
              const s = asScalar(vp?.value ?? null);
              if (s && vp?.value === s) values.push(s);
            }
          }
          for (const s of values) {
            if (s.value === null || typeof s.value === "string" || s.style !== "PLAIN") continue;
            const written = text.slice(s.range[0], s.range[1]);
            // A YAML 1.1 boolean (`off`, `yes` …) meant true/false: write the word the component parses.
            const replacement = typeof s.value === "boolean" ? String(s.value) : written;
            const ok = !/["\\]/u.test(written) && canEdit(context.sourceCode, s.range[0], s.range[1]);
            context.report({
              node: s,
              messageId: "nonString",
              data: { path: block.path, written, replacement, type: typeof s.value === "boolean" ? "boolean" : "number" },
              fix: ok ? () => [{ range: [s.range[0], s.range[1]], text: `"${replacement}"` }] : null,
            });
          }
        }
      },
    };
  },
});
