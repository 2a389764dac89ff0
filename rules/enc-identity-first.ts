/**
 * @fileoverview enc-identity-first: in an EncryptionConfiguration, the first provider of a
 * resources entry encrypts every write. `identity` first (with a real provider after it) means new
 * objects — Secrets, typically — are written to etcd in plain text.
 */
import { asFix, moveSeqItemLast } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";
import { coversSecrets, encryptionEntries, isEncryptionConfig } from "./shared/_encryption.js";

export { coversSecrets, encryptionEntries, isEncryptionConfig } from "./shared/_encryption.js";
export type { EncryptionEntry } from "./shared/_encryption.js";

export default createRule({
  name: "enc-identity-first",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `identity` as the first (writing) provider of an EncryptionConfiguration entry",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.28"] },
      equivalents: { "kube-bench": ["1.2.28"] },
    },
    messages: {
      identityFirstSecrets:
        "identity is the first provider for {{resources}}: new Secrets are written to etcd in plain text (the first provider encrypts every write; the providers after it are only used to read).",
      identityFirst:
        "identity is the first provider for {{resources}}: these resources are written to etcd in plain text (the first provider encrypts every write; the providers after it are only used to read).",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        if (!isEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          const [first, ...rest] = entry.providers;
          // identity alone is enc-identity-only's finding; here a real provider must follow.
          if (!first || first.type !== "identity" || !rest.some((p) => p.type !== null && p.type !== "identity")) continue;
          const edits = entry.providersSeq ? moveSeqItemLast(sourceCode, entry.providersSeq, first.item) : null;
          context.report({
            node: first.item,
            messageId: coversSecrets(entry.resources) ? "identityFirstSecrets" : "identityFirst",
            data: { resources: entry.resources.length ? entry.resources.join(", ") : "this entry" },
            fix: asFix(edits),
          });
        }
      },
    };
  },
});
