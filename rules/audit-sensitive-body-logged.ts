/**
 * @fileoverview audit-sensitive-body-logged: the rule that first matches requests to Secrets,
 * ConfigMaps or TokenReviews logs bodies (`Request` for writes, `RequestResponse` for any verb), so
 * secret values and bearer tokens are written to the audit log.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import type { AuditRule, RequestClass } from "./shared/_audit.js";
import { auditRules, className, describeRestriction, firstMatches, groupClasses, insertSeqItemBefore, isAnalyzablePolicy, ruleLines, ruleNode, rulesSeq } from "./shared/_audit.js";

const SENSITIVE: { group: string; resource: string }[] = [
  { group: "", resource: "secrets" },
  { group: "", resource: "configmaps" },
  { group: "authentication.k8s.io", resource: "tokenreviews" },
];
/** Verbs whose request carries the object (a Request-level event logs it). */
const WRITE_VERBS = ["create", "update", "patch"];

export default createRule({
  name: "audit-sensitive-body-logged",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow audit rules that log request or response bodies of Secrets, ConfigMaps and TokenReviews",
      severity: "high",
      presets: ["recommended", "cis"],
      standards: { cis: ["3.2.2"] },
      equivalents: { "kube-bench": ["3.2.2"] },
    },
    messages: {
      bodyLogged:
        "Rule {{rule}} is the first match for {{what}}{{restriction}} at level {{level}}: {{effect}} are written to the audit log. Log these resources at the Metadata level.",
      insertMetadata: "Insert a Metadata rule for {{what}} before rule {{rule}}.",
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
        const found = new Map<AuditRule, { classes: RequestClass[]; restriction: string }>();
        const note = (rule: AuditRule, t: RequestClass, restriction: string): void => {
          const f = found.get(rule) ?? { classes: [], restriction };
          if (!f.classes.some((c) => c.group === t.group && c.resource === t.resource)) f.classes.push(t);
          found.set(rule, f);
        };
        for (const s of SENSITIVE) {
          // Any verb: a RequestResponse event carries the object in the response (get, list, watch …).
          for (const m of firstMatches(rules, { ...s, verbs: null }).matches) {
            if (m.rule.level === "RequestResponse") note(m.rule, { ...s, verbs: null }, describeRestriction(m.part));
          }
          // Writes: a Request event carries the submitted object.
          for (const m of firstMatches(rules, { ...s, verbs: WRITE_VERBS }).matches) {
            if (m.rule.level === "Request") note(m.rule, { ...s, verbs: WRITE_VERBS }, describeRestriction(m.part));
          }
        }
        const seq = rulesSeq(resource);
        for (const [rule, { classes, restriction }] of found) {
          const what = classes.map(className).join(", ");
          const effect = rule.level === "Request" ? "the submitted objects (secret values, tokens) of create/update/patch requests" : "request and response bodies (secret values, tokens)";
          const edits = seq ? insertSeqItemBefore(context.sourceCode, seq, rule.item, ruleLines("Metadata", groupClasses(classes))) : null;
          const data = { rule: rule.index + 1, what, restriction, level: rule.level ?? "", effect };
          context.report({ node: ruleNode(rule), messageId: "bodyLogged", data, suggest: edits ? [{ messageId: "insertMetadata", data, fix: asFix(edits)! }] : null });
        }
      },
    };
  },
});
