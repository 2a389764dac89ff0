/**
 * @fileoverview audit-none-catch-all-early: a `level: None` rule without any selector matches every
 * request. Anywhere but last, it silences every rule after it (the first matching rule decides).
 */
import { createRule } from "../src/rule.js";
import { asFix, moveSeqItemLast } from "../src/fix/index.js";
import { auditRules, isAnalyzablePolicy, ruleNode, rulesSeq } from "./shared/_audit.js";

export default createRule({
  name: "audit-none-catch-all-early",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a selector-less `level: None` audit rule before other rules",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      early:
        "Rule {{rule}} has level None and no selector, so it matches every request: the {{count}} rule(s) after it never apply and nothing they select is logged.",
      moveLast: "Move rule {{rule}} to the end of the rules.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        const rules = auditRules(resource);
        const seq = rulesSeq(resource);
        const idx = rules.findIndex((r) => r.catchAll && r.level === "None");
        if (idx === -1 || idx === rules.length - 1) return;
        const rule = rules[idx]!;
        const data = { rule: idx + 1, count: rules.length - idx - 1 };
        const edits = seq ? moveSeqItemLast(context.sourceCode, seq, rule.item) : null;
        context.report({ node: ruleNode(rule), messageId: "early", data, suggest: edits ? [{ messageId: "moveLast", data, fix: asFix(edits)! }] : null });
      },
    };
  },
});
