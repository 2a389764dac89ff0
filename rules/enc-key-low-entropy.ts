/**
 * @fileoverview enc-key-low-entropy: a key whose bytes are obviously not random (text, a repeated
 * byte or pattern, a counting sequence). Keys should come from `head -c 32 /dev/urandom | base64`.
 * Messages never print the key.
 */
import { createRule } from "../src/rule.js";
import { decodeBase64, encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig, KNOWN_EXAMPLE_KEYS, lowEntropyReason } from "./shared/_encryption.js";

export default createRule({
  name: "enc-key-low-entropy",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow EncryptionConfiguration keys that are not random bytes",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      lowEntropy:
        "{{provider}} key '{{name}}' is not random: {{reason}}, so it can be guessed. Generate a new key with head -c 32 /dev/urandom | base64, add it first, and rewrite the stored objects.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const key of encryptionKeys(encryptionEntries(resource))) {
          if (key.secret.kind !== "literal" || !key.secretNode) continue;
          // Published example keys are enc-key-known-example's finding.
          if (KNOWN_EXAMPLE_KEYS.has(key.secret.value.replace(/[\r\n]/gu, ""))) continue;
          const bytes = decodeBase64(key.secret.value);
          if (!bytes) continue;
          const reason = lowEntropyReason(bytes);
          if (!reason) continue;
          context.report({ node: key.secretNode, messageId: "lowEntropy", data: { provider: key.providerType, name: key.name ?? "(unnamed)", reason } });
        }
      },
    };
  },
});
