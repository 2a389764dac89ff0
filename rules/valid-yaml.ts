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
      duplicateKey: "Duplicate key in document {{doc}}: {{message}}. The API server rejects duplicate fields; this document is not linted.",
      warning: "YAML warning in document {{doc}}: {{message}} ({{code}}).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Document(doc) {
        for (const e of doc.errors) {
          context.report({
            node: { range: e.range },
            messageId: e.code === "DUPLICATE_KEY" ? "duplicateKey" : "syntaxError",
            data: { doc: doc.index + 1, message: e.message, code: e.code },
          });
        }
        for (const w of doc.warnings) {
          context.report({ node: { range: w.range }, messageId: "warning", data: { doc: doc.index + 1, message: w.message, code: w.code } });
        }
      },
    };
  },
});
