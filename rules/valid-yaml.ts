/**
 * @fileoverview valid-yaml: every YAML/JSON syntax error, reported at its line and column in its
 * own document. The other documents of the file are still linted.
 */
import { createRule } from "../src/rule.js";

export default createRule({
  name: "valid-yaml",
  meta: {
    type: "problem",
    docs: {
      description: "Report YAML and JSON syntax errors (including duplicate keys) at their exact position",
      severity: "high",
      presets: ["recommended", "baseline", "restricted", "cis"],
    },
    messages: {
      syntaxError: "YAML syntax error in document {{doc}}: {{message}} ({{code}}). This document is not linted; the others are.",
      syntaxErrors:
        "YAML syntax error in document {{doc}}: {{message}} ({{code}}), and {{more}} more error(s) after it. This document is not linted; the others are.",
      unrenderedTemplate:
        "Document {{doc}} is an unrendered template ({{placeholder}} placeholders are not YAML): {{message}} ({{code}}). Render it first (helm template, kubectl kustomize) and lint the output; this document is not linted.",
      duplicateKey: "Duplicate key in document {{doc}}: {{message}}. The API server rejects duplicate fields; this document is not linted.",
      warning: "YAML warning in document {{doc}}: {{message}} ({{code}}).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const text = context.sourceCode.text;
    return {
      Document(doc) {
        // Every duplicate key is its own precise finding.
        for (const e of doc.errors) {
          if (e.code !== "DUPLICATE_KEY") continue;
          context.report({ node: { range: e.range }, messageId: "duplicateKey", data: { doc: doc.index + 1, message: e.message } });
        }
        // Of the other errors only the first is meaningful: the parser's recovery makes the rest noise
        // (an unrendered Helm template yields hundreds).
        const others = doc.errors.filter((e) => e.code !== "DUPLICATE_KEY");
        const first = others[0];
        if (first) {
          const data = { doc: doc.index + 1, message: first.message, code: first.code };
          const docText = text.slice(doc.range[0], Math.max(doc.range[1], first.range[1]));
          const placeholder = /\{\{[^\n]*\}\}|\{%[^\n]*%\}/u.exec(docText);
          if (placeholder) {
            context.report({ node: { range: first.range }, messageId: "unrenderedTemplate", data: { ...data, placeholder: placeholder[0].startsWith("{%") ? "{% … %}" : "{{ … }}" } });
          } else if (others.length > 1) {
            context.report({ node: { range: first.range }, messageId: "syntaxErrors", data: { ...data, more: others.length - 1 } });
          } else {
            context.report({ node: { range: first.range }, messageId: "syntaxError", data });
          }
        }
        for (const w of doc.warnings) {
          context.report({ node: { range: w.range }, messageId: "warning", data: { doc: doc.index + 1, message: w.message, code: w.code } });
        }
      },
    };
  },
});
