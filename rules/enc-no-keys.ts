/**
 * @fileoverview enc-no-keys: an aescbc / aesgcm / secretbox provider needs at least one key with a
 * name and a secret ("at least one keys is required").
 */
import { createRule } from "../src/rule.js";
import { getPair, getSeq } from "../src/language/query.js";
import { encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig, KEYED_PROVIDERS } from "./shared/_encryption.js";

export default createRule({
  name: "enc-no-keys",
  meta: {
    type: "problem",
    docs: {
      description: "Require keys, each with a name and a secret, in aescbc/aesgcm/secretbox providers",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      noKeys: "{{provider}} provider has no keys: kube-apiserver rejects this EncryptionConfiguration ('at least one keys is required').",
      noName: "{{provider}} key has no name: kube-apiserver rejects this EncryptionConfiguration ('name' is required).",
      noSecret: "{{provider}} key '{{name}}' has no secret: kube-apiserver rejects this EncryptionConfiguration ('secret' is required).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        const entries = encryptionEntries(resource);
        for (const entry of entries) {
          for (const p of entry.providers) {
            if (!p.type || !(KEYED_PROVIDERS as readonly string[]).includes(p.type) || !p.pair?.key) continue;
            // `aescbc:` with no value is enc-provider-item-invalid's finding.
            if (!p.config) continue;
            const keys = getSeq(p.config, "keys");
            if (!keys || keys.items.length === 0) context.report({ node: getPair(p.config, "keys") ?? p.pair.key, messageId: "noKeys", data: { provider: p.type } });
          }
        }
        for (const key of encryptionKeys(entries)) {
          if (key.name === null || key.name === "") context.report({ node: getPair(key.map, "name") ?? key.map, messageId: "noName", data: { provider: key.providerType } });
          if (key.secret.kind === "missing") {
            context.report({ node: getPair(key.map, "secret") ?? key.map, messageId: "noSecret", data: { provider: key.providerType, name: key.name || "(unnamed)" } });
          }
        }
      },
    };
  },
});
