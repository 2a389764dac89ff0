/**
 * @fileoverview audit-exec-not-logged: requests that open a shell or a tunnel into workloads
 * (`pods/exec`, `pods/attach`, `pods/portforward`, `pods/proxy`, `services/proxy`, `nodes/proxy`)
 * reach a `level: None` rule first, or match no rule (default `None`): they leave no audit trace.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import type { RequestClass } from "./shared/_audit.js";
import { appendSeqBlockItem, auditRules, className, groupClasses, insertSeqItemBefore, isAnalyzablePolicy, ruleLines, ruleNode, rulesSeq, unloggedRules } from "./shared/_audit.js";
import { getPair } from "../src/language/query.js";

/** exec/attach/portforward are POST (create) or, over WebSockets, GET (get). */
const CONNECT = ["create", "get"];
/** Proxy requests take the verb of their HTTP method (GET get, POST create, PUT update, PATCH patch, DELETE delete). */
const PROXY = ["get", "create", "update", "patch", "delete"];
const CLASSES: RequestClass[] = [
  { group: "", resource: "pods/exec", verbs: CONNECT },
  { group: "", resource: "pods/attach", verbs: CONNECT },
  { group: "", resource: "pods/portforward", verbs: CONNECT },
  { group: "", resource: "pods/proxy", verbs: PROXY },
  { group: "", resource: "services/proxy", verbs: PROXY },
  { group: "", resource: "nodes/proxy", verbs: PROXY },
];

export default createRule({
  name: "audit-exec-not-logged",
  meta: {
    type: "problem",
    docs: {
      description: "Require audit logging of exec, attach, port-forward and proxy requests",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.2.2"] },
    },
    messages: {
      noneRule: "Rule {{rule}} (level None) is the first match for {{what}}: shells and tunnels into workloads opened this way are not audited.",
      fallThrough: "No rule matches every {{what}} request: unmatched ones get the default level None, so shells and tunnels into workloads are not audited.",
      insertMetadata: "Insert a Metadata rule for {{what}} {{where}}.",
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
          const edits = seq ? insertSeqItemBefore(context.sourceCode, seq, rule.item, ruleLines("Metadata", groupClasses(classes))) : null;
          const data = { rule: rule.index + 1, what, where: `before rule ${rule.index + 1}` };
          context.report({ node: ruleNode(rule), messageId: "noneRule", data, suggest: edits ? [{ messageId: "insertMetadata", data, fix: asFix(edits)! }] : null });
        }
        if (fallThrough.length) {
          const what = fallThrough.map(className).join(", ");
          const edits = seq ? appendSeqBlockItem(context.sourceCode, seq, ruleLines("Metadata", groupClasses(fallThrough))) : null;
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
