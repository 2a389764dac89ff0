/**
 * @fileoverview audit-shadowed-rule: every request a rule can match is already matched by an
 * earlier rule. The first matching rule decides, so the later rule is dead.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { auditRules, isAnalyzablePolicy, moveSeqItemBefore, ruleNode, rulesSeq, selectorCovers } from "./shared/_audit.js";

export default createRule({
  name: "audit-shadowed-rule",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow audit rules that an earlier rule fully covers (first match wins)",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      shadowed:
        "Rule {{rule}} (level {{level}}) never applies: rule {{by}} (level {{byLevel}}, line {{line}}) already matches every request it selects, and the first matching rule decides.",
      moveBefore: "Move rule {{rule}} before rule {{by}} (the more specific rule first).",
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
        for (let k = 1; k < rules.length; k++) {
          const rule = rules[k]!;
          // A selector-less None rule before others is audit-none-catch-all-early's finding.
          const by = rules.slice(0, k).find((e) => !(e.catchAll && e.level === "None") && selectorCovers(e.selector, rule.selector));
          if (!by) continue;
          const data = {
            rule: k + 1,
            level: rule.level ?? "(none)",
            by: by.index + 1,
            byLevel: by.level ?? "(none)",
            line: context.sourceCode.getLoc(by.node).start.line,
          };
          const edits = seq ? moveSeqItemBefore(context.sourceCode, seq, rule.item, by.item) : null;
          context.report({ node: ruleNode(rule), messageId: "shadowed", data, suggest: edits ? [{ messageId: "moveBefore", data, fix: asFix(edits)! }] : null });
        }
      },
    };
  },
});
