/**
 * @fileoverview audit-no-rules: an audit Policy with no rules. kube-apiserver refuses it ("loaded
 * illegal policy with 0 rules"), so the apiserver given `--audit-policy-file` does not start.
 */
import { createRule } from "../src/rule.js";
import { asFix, insertPair, replaceNode } from "../src/fix/index.js";
import { asSeq, deref, getPair } from "../src/language/query.js";
import { isAnalyzablePolicy } from "./shared/_audit.js";

export default createRule({
  name: "audit-no-rules",
  meta: {
    type: "problem",
    docs: {
      description: "Require at least one rule in an audit Policy",
      severity: "high",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.2.1"] },
      equivalents: { "kube-bench": ["3.2.1"] },
    },
    messages: {
      noRules: "This audit Policy has no rules: kube-apiserver refuses it ('loaded illegal policy with 0 rules') and does not start with --audit-policy-file pointing to it.",
      minimal: "Use a minimal policy that logs every request at the Metadata level.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        const pair = getPair(resource.node, "rules");
        const value = deref(pair?.value ?? null);
        const seq = asSeq(value);
        if (seq && seq.items.length) return;
        const sc = context.sourceCode;
        let edits = null;
        if (!pair) edits = insertPair(sc, resource.node, "rules", "[{level: Metadata}]");
        else if (seq && seq.flow) edits = replaceNode(sc, seq, "[{level: Metadata}]");
        else if (value && value.type === "Scalar" && value.value === null && value.range[0] !== value.range[1]) edits = replaceNode(sc, value, "[{level: Metadata}]");
        else if (value && value.type === "Scalar" && value.value === null && pair.key) {
          const colon = sc.text.indexOf(":", pair.key.range[1]);
          edits = colon !== -1 && sc.text.slice(pair.key.range[1], colon).trim() === "" ? [{ range: [colon + 1, colon + 1] as [number, number], text: " [{level: Metadata}]" }] : null;
        }
        context.report({
          node: pair?.key ?? getPair(resource.node, "kind")?.value ?? resource.node,
          messageId: "noRules",
          suggest: edits ? [{ messageId: "minimal", fix: asFix(edits)! }] : null,
        });
      },
    };
  },
});
