/**
 * @fileoverview audit-no-catch-all: no rule matches every request, so requests that match none of
 * the rules get the default level `None` and are not logged at all.
 */
import { createRule } from "../src/rule.js";
import { appendSeqItem, asFix } from "../src/fix/index.js";
import { auditRules, isAnalyzablePolicy, ruleNode, rulesSeq } from "./shared/_audit.js";

export default createRule({
  name: "audit-no-catch-all",
  meta: {
    type: "problem",
    docs: {
      description: "Require a final catch-all rule in an audit Policy",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.2.2"] },
    },
    messages: {
      noCatchAll:
        "No rule of this audit Policy matches every request (a rule with only a level): requests that match none of the {{count}} rules get the default level None and are not logged. End the rules with '- level: Metadata'.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        const rules = auditRules(resource);
        const seq = rulesSeq(resource);
        if (!rules.length || !seq || rules.some((r) => r.catchAll)) return;
        const last = rules[rules.length - 1]!;
        context.report({
          node: ruleNode(last),
          messageId: "noCatchAll",
          data: { count: rules.length },
          fix: asFix(appendSeqItem(context.sourceCode, seq, seq.flow ? "{level: Metadata}" : "level: Metadata")),
        });
      },
    };
  },
});
