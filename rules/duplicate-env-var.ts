/**
 * @fileoverview duplicate-env-var: the same name twice in a container's `env`: the last definition
 * wins, so the earlier one is dead configuration that reviewers may believe is in effect.
 */
import { createRule, reportHardening } from "../src/rule.js";
import type { YamlNode } from "../src/language/ast.js";
import { asFix } from "../src/fix/index.js";
import { asMap, getPair, getSeq, scalarString, seqItems, staticValue } from "../src/language/query.js";
import { containerLabel, removeSeqItem } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "duplicate-env-var",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow duplicate environment variable names in a container",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-linter": ["duplicate-env-var"], kubescape: ["C-0295"], "kube-score": ["environment-variable-key-duplication"] },
    },
    messages: {
      duplicate: "{{container}}: environment variable {{env}} is defined again at line {{line}}; the last definition wins, so this one has no effect.",
      removeEarlier: "Remove this earlier definition of {{env}}.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Container(c) {
        const seq = getSeq(c.node, "env");
        const items = seqItems(seq);
        const named = items.map((item) => ({ item, name: scalarString(getPair(asMap(item), "name")?.value) }));
        named.forEach(({ item, name }, i) => {
          if (name === null) return;
          const lastIndex = named.map((n) => n.name).lastIndexOf(name);
          if (lastIndex === i) return;
          const namePair = getPair(asMap(item), "name")!;
          const last = named[lastIndex]!.item;
          // Removing it changes `$(NAME)` expansion in the variables defined between the two.
          const referenced = named.slice(i + 1, lastIndex).some(({ item: between }) => JSON.stringify(staticValue(getPair(asMap(between), "value")?.value ?? null) ?? "").includes(`$(${name})`));
          const edits = seq && !referenced ? removeSeqItem(sourceCode, seq, item as YamlNode) : null;
          reportHardening(
            context,
            { node: namePair, messageId: "duplicate", data: { container: containerLabel(c), env: name, line: sourceCode.positionAt(last.range[0]).line } },
            { messageId: "removeEarlier", data: { env: name }, fix: asFix(edits) },
          );
        });
      },
    };
  },
});
