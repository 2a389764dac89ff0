/**
 * @fileoverview audit-unknown-field: kube-apiserver reads an audit Policy strictly first and, on an
 * unknown field, falls back to lenient decoding with only a warning: the misspelt selector is
 * dropped and the rule matches far more than intended (a `level: None` rule meant for one resource
 * silences everything).
 */
import type { MapNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asFix, replaceNode } from "../src/fix/index.js";
import { asMap, getSeq, seqItems } from "../src/language/query.js";
import { GROUP_RESOURCE_KEYS, isAnalyzablePolicy, keyedPairs, nearestKey, POLICY_KEYS, RULE_KEYS } from "./shared/_audit.js";

export default createRule({
  name: "audit-unknown-field",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow unknown fields in an audit Policy (they are dropped and the rule broadens)",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unknownRule:
        "Unknown field '{{key}}' in an audit rule{{hint}}: kube-apiserver drops it with only a warning, so this level {{level}} rule applies without that selector — to far more requests than intended.",
      unknownResource:
        "Unknown field '{{key}}' in a rule's resources item{{hint}}: kube-apiserver drops it with only a warning, so the item matches every resource of group {{group}}.",
      unknownPolicy: "Unknown field '{{key}}' in the audit Policy{{hint}}: kube-apiserver ignores it with only a warning.",
      rename: "Rename '{{key}}' to '{{to}}'.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (map: MapNode, valid: readonly string[], messageId: "unknownRule" | "unknownResource" | "unknownPolicy", extra: Record<string, string>): void => {
      const present = new Set(keyedPairs(map).map((p) => p.name));
      for (const { name, pair } of keyedPairs(map)) {
        if (valid.includes(name) || name === "<<" || !pair.key) continue;
        const near = nearestKey(name, valid);
        const edits = near && !present.has(near) ? replaceNode(context.sourceCode, pair.key, near) : null;
        context.report({
          node: pair.key,
          messageId,
          data: { key: name, hint: near ? ` (did you mean '${near}'?)` : "", ...extra },
          suggest: edits ? [{ messageId: "rename", data: { key: name, to: near! }, fix: asFix(edits)! }] : null,
        });
      }
    };
    return {
      Resource(resource) {
        if (!isAnalyzablePolicy(resource)) return;
        check(resource.node, POLICY_KEYS, "unknownPolicy", {});
        for (const r of seqItems(getSeq(resource.node, "rules"))) {
          const rule = asMap(r);
          if (!rule) continue;
          const level = keyedPairs(rule).find((p) => p.name === "level");
          const levelText = level?.pair.value && level.pair.value.type === "Scalar" ? String(level.pair.value.value) : "(none)";
          check(rule, RULE_KEYS, "unknownRule", { level: levelText });
          for (const g of seqItems(getSeq(rule, "resources"))) {
            const gm = asMap(g);
            if (!gm) continue;
            const group = keyedPairs(gm).find((p) => p.name === "group");
            const groupText = group?.pair.value && group.pair.value.type === "Scalar" && group.pair.value.value !== null ? String(group.pair.value.value) : "";
            check(gm, GROUP_RESOURCE_KEYS, "unknownResource", { group: groupText === "" ? '"" (core)' : groupText });
          }
        }
      },
    };
  },
});
