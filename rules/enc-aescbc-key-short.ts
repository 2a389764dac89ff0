/**
 * @fileoverview enc-aescbc-key-short: an aescbc key of 16 or 24 bytes. Validation accepts it, but
 * the docs and the API type say AES-CBC keys are 32 bytes (kubernetes/kubernetes#129610).
 */
import { createRule } from "../src/rule.js";
import { base64DecodedLength, encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

export default createRule({
  name: "enc-aescbc-key-short",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require 32-byte aescbc keys in an EncryptionConfiguration",
      severity: "low",
      presets: [],
    },
    messages: {
      short: "aescbc key '{{name}}' is {{length}} bytes (AES-{{bits}}): the Kubernetes docs specify 32-byte keys for aescbc. Generate one with: head -c 32 /dev/urandom | base64",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const key of encryptionKeys(encryptionEntries(resource))) {
          if (key.providerType !== "aescbc" || key.secret.kind !== "literal" || !key.secretNode) continue;
          const length = base64DecodedLength(key.secret.value);
          if (length !== 16 && length !== 24) continue;
          context.report({ node: key.secretNode, messageId: "short", data: { name: key.name ?? "(unnamed)", length, bits: length * 8 } });
        }
      },
    };
  },
});
