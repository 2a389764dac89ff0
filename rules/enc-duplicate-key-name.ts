/**
 * @fileoverview enc-duplicate-key-name: two keys of one provider share a name. The name is part of
 * the stored prefix (`k8s:enc:<provider>:v1:<name>:`), so data written with one cannot be told from
 * data written with the other; rotation and decryption become ambiguous.
 */
import { createRule } from "../src/rule.js";
import { encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

export default createRule({
  name: "enc-duplicate-key-name",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two keys with the same name in one EncryptionConfiguration provider",
      severity: "low",
      presets: [],
    },
    messages: {
      duplicate: "{{provider}} key name '{{name}}' is already used on line {{line}} in this provider: stored values carry the prefix k8s:enc:{{provider}}:v1:{{name}}:, so it no longer identifies one key. Give every key a unique name.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        const seen = new Map<unknown, Map<string, number>>();
        for (const key of encryptionKeys(encryptionEntries(resource))) {
          if (!key.name || !key.nameNode) continue;
          let names = seen.get(key.provider);
          if (!names) seen.set(key.provider, (names = new Map()));
          const line = names.get(key.name);
          if (line !== undefined) context.report({ node: key.nameNode, messageId: "duplicate", data: { provider: key.providerType, name: key.name, line } });
          else names.set(key.name, context.sourceCode.getLoc(key.nameNode).start.line);
        }
      },
    };
  },
});
