/**
 * @fileoverview deprecated-service-account-field: `serviceAccount` is the deprecated alias of
 * `serviceAccountName`; when both are set, `serviceAccountName` wins.
 */
import { createRule } from "../src/rule.js";
import { asFix, removePair, replaceNode } from "../src/fix/index.js";
import { getPair, scalarString } from "../src/language/query.js";

export default createRule({
  name: "deprecated-service-account-field",
  meta: {
    type: "suggestion",
    docs: {
      description: "Replace the deprecated serviceAccount field with serviceAccountName",
      severity: "low",
      presets: [],
      aliases: ["serviceaccount-deprecated-field"],
      equivalents: { "kube-linter": ["deprecated-service-account-field"], kubescape: ["C-0294"] },
    },
    messages: {
      deprecated: "serviceAccount is a deprecated alias of serviceAccountName.",
      conflict:
        "serviceAccount '{{old}}' is a deprecated alias of serviceAccountName, which is also set to '{{current}}' and wins: the pod runs as '{{current}}'. Remove serviceAccount after checking which account is meant.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      PodSpec(podSpec) {
        const old = getPair(podSpec.node, "serviceAccount");
        if (!old?.key) return;
        const oldName = scalarString(old.value);
        const currentPair = getPair(podSpec.node, "serviceAccountName");
        const current = scalarString(currentPair?.value ?? null);
        if (!current) {
          // Unset or empty serviceAccountName: the old field is used. Rename it (an empty
          // serviceAccountName pair is removed so the key is not duplicated).
          const own = podSpec.node.pairs.includes(old);
          let edits = own ? replaceNode(sourceCode, old.key, "serviceAccountName") : null;
          if (edits && currentPair) {
            const removal = removePair(sourceCode, podSpec.node, currentPair);
            edits = removal ? [...edits, ...removal] : null;
          }
          context.report({ node: old, messageId: "deprecated", fix: asFix(edits) });
        } else if (oldName === null || oldName === "" || oldName === current) {
          context.report({ node: old, messageId: "deprecated", fix: asFix(removePair(sourceCode, podSpec.node, old)) });
        } else {
          context.report({ node: old, messageId: "conflict", data: { old: oldName, current } });
        }
      },
    };
  },
});
