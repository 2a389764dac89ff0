/**
 * @fileoverview enc-aesgcm-first: `aesgcm` writes this entry's resources. AES-GCM with random
 * nonces must be rotated every 200,000 writes; upstream does not recommend it without automated key
 * rotation, and CIS 1.2.28 does not accept it.
 */
import { createRule } from "../src/rule.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, writingProvider } from "./shared/_encryption.js";

export default createRule({
  name: "enc-aesgcm-first",
  meta: {
    type: "suggestion",
    docs: {
      description: "Discourage `aesgcm` as the writing provider of an EncryptionConfiguration entry",
      severity: "medium",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.28"] },
      equivalents: { "kube-bench": ["1.2.28"] },
    },
    messages: {
      aesgcmFirstBehindIdentity:
        "aesgcm is the first encrypting provider of {{resources}}, behind identity (see enc-identity-first): once identity is moved it encrypts new writes, and aesgcm is not a recommended provider. Prefer kms apiVersion v2 (or secretbox).",
      aesgcmFirst:
        "aesgcm encrypts new writes of {{resources}}: its key must be rotated every 200,000 writes (random 96-bit nonces), and the Kubernetes docs do not recommend it without automated key rotation. Prefer kms apiVersion v2 (or secretbox), then rewrite the stored objects.",
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
          if (w?.provider.type !== "aesgcm" || !w.provider.pair?.key) continue;
          context.report({ node: w.provider.pair.key, messageId: w.behindIdentity ? "aesgcmFirstBehindIdentity" : "aesgcmFirst", data: { resources: entry.resources.join(", ") || "this entry" } });
        }
      },
    };
  },
});
