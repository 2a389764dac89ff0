/**
 * @fileoverview share-process-namespace: `shareProcessNamespace: true` lets every container of the
 * pod see and signal the others' processes and read their environment and root filesystems
 * through `/proc/<pid>/environ` and `/proc/<pid>/root`.
 */
import { createRule, reportHardening } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asScalar, getPair } from "../src/language/query.js";

export default createRule({
  name: "share-process-namespace",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow sharing one process namespace between a pod's containers",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      shared:
        "The pod sets shareProcessNamespace: true: every container sees the others' processes, their environment (/proc/<pid>/environ, including secrets) and their root filesystems (/proc/<pid>/root).",
      setFalse: "Set shareProcessNamespace: false.",
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        const pair = getPair(podSpec.node, "shareProcessNamespace");
        const s = asScalar(pair?.value);
        if (!pair || !s || s.value !== true) return;
        reportHardening(context, { node: pair, messageId: "shared" }, { messageId: "setFalse", fix: asFix(replaceNode(context.sourceCode, s, "false")) });
      },
    };
  },
});
