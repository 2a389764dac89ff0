/**
 * @fileoverview audit-workload-mutation-not-logged: create/update/patch/delete of Pods or
 * Deployments reach a `level: None` rule first, or match no rule (default `None`).
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import type { RequestClass } from "./shared/_audit.js";
import { appendSeqBlockItem, auditRules, className, groupClasses, insertSeqItemBefore, isAnalyzablePolicy, ruleLines, ruleNode, rulesSeq, unloggedRules } from "./shared/_audit.js";
import { getPair } from "../src/language/query.js";

const MUTATING = ["create", "update", "patch", "delete"];
const CLASSES: RequestClass[] = [
  { group: "", resource: "pods", verbs: MUTATING },
  { group: "apps", resource: "deployments", verbs: MUTATING },
];

export default createRule({
  name: "audit-workload-mutation-not-logged",
  meta: {
    type: "problem",
    docs: {
      description: "Require audit logging of changes to Pods and Deployments",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.2.2"] },
    },
    messages: {
      noneRule: "Rule {{rule}} (level None) is the first match for create/update/patch/delete of {{what}}: workload changes made this way are not audited.",
      fallThrough: "No rule matches every create/update/patch/delete of {{what}}: unmatched ones get the default level None, so these workload changes are not audited.",
      insertMetadata: "Insert a Metadata rule for changes to {{what}} {{where}}.",
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
        if (!rules.length) return; // audit-no-rules
        const seq = rulesSeq(resource);
        const { byRule, fallThrough } = unloggedRules(rules, CLASSES);
        for (const [rule, classes] of byRule) {
          const what = classes.map(className).join(", ");
          const edits = seq ? insertSeqItemBefore(context.sourceCode, seq, rule.item, ruleLines("Metadata", groupClasses(classes), MUTATING)) : null;
          const data = { rule: rule.index + 1, what, where: `before rule ${rule.index + 1}` };
          context.report({ node: ruleNode(rule), messageId: "noneRule", data, suggest: edits ? [{ messageId: "insertMetadata", data, fix: asFix(edits)! }] : null });
        }
        if (fallThrough.length) {
          const what = fallThrough.map(className).join(", ");
          const edits = seq ? appendSeqBlockItem(context.sourceCode, seq, ruleLines("Metadata", groupClasses(fallThrough), MUTATING)) : null;
          const data = { what, where: "at the end" };
          context.report({
            node: getPair(resource.node, "rules")?.key ?? resource.node,
            messageId: "fallThrough",
            data,
            suggest: edits ? [{ messageId: "insertMetadata", data, fix: asFix(edits)! }] : null,
          });
        }
      },
    };
  },
});
