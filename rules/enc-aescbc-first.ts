/**
 * @fileoverview enc-aescbc-first: `aescbc` writes this entry's resources. Upstream rates it weak
 * (padding-oracle attacks against CBC; the key sits on every control-plane host).
 */
import { createRule } from "../src/rule.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, writingProvider } from "./shared/_encryption.js";

export default createRule({
  name: "enc-aescbc-first",
  meta: {
    type: "suggestion",
    docs: {
      description: "Discourage `aescbc` as the writing provider of an EncryptionConfiguration entry",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      aescbcFirstBehindIdentity:
        "aescbc is the first encrypting provider of {{resources}}, behind identity (see enc-identity-first): once identity is moved it encrypts new writes, and aescbc is not a recommended provider. Prefer kms apiVersion v2 (or secretbox).",
      aescbcFirst:
        "aescbc encrypts new writes of {{resources}}: the Kubernetes docs rate it weak (CBC is vulnerable to padding-oracle attacks, and the key is readable on every control-plane host). Prefer kms apiVersion v2 (or secretbox), then rewrite the stored objects.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          const w = writingProvider(entry);
          if (w?.provider.type !== "aescbc" || !w.provider.pair?.key) continue;
          context.report({ node: w.provider.pair.key, messageId: w.behindIdentity ? "aescbcFirstBehindIdentity" : "aescbcFirst", data: { resources: entry.resources.join(", ") || "this entry" } });
        }
      },
    };
  },
});
