/**
 * @fileoverview enc-key-known-example: a key copied from the Kubernetes documentation or API
 * examples. Anyone can decrypt what it protects. Messages never print the key.
 */
import { createRule } from "../src/rule.js";
import { encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig, KNOWN_EXAMPLE_KEYS } from "./shared/_encryption.js";

export default createRule({
  name: "enc-key-known-example",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow EncryptionConfiguration keys copied from published examples",
      severity: "critical",
      presets: ["recommended"],
    },
    messages: {
      example:
        "{{provider}} key '{{name}}' is {{source}}, published on the web: anyone with etcd access or a backup can decrypt what it protects. Generate a new key (head -c 32 /dev/urandom | base64), add it first, and rewrite the stored objects.",
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
          const source = KNOWN_EXAMPLE_KEYS.get(key.secret.value.replace(/[\r\n]/gu, ""));
          if (!source) continue;
          context.report({ node: key.secretNode, messageId: "example", data: { provider: key.providerType, name: key.name ?? "(unnamed)", source } });
        }
      },
    };
  },
});
