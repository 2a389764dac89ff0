/**
 * @fileoverview enc-key-not-base64: a key's `secret` must be standard, padded base64 ("secrets must
 * be base64 encoded"). Unrendered placeholders are not judged here. Messages never print the secret.
 */
import { createRule } from "../src/rule.js";
import { decodeBase64, encryptionEntries, encryptionKeys, isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

export default createRule({
  name: "enc-key-not-base64",
  meta: {
    type: "problem",
    docs: {
      description: "Require EncryptionConfiguration key secrets to be standard base64",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      notBase64:
        "{{provider}} key '{{name}}': the secret is not standard padded base64 ({{why}}): kube-apiserver rejects this EncryptionConfiguration. Generate one with: head -c 32 /dev/urandom | base64",
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
          const value = key.secret.value;
          if (decodeBase64(value) !== null) continue;
          const s = value.replace(/[\r\n]/gu, "");
          const why = /[-_]/u.test(s)
            ? "it uses the URL-safe alphabet '-' / '_'"
            : /[^A-Za-z0-9+/=]/u.test(s)
              ? "it contains characters outside the base64 alphabet"
              : s.length % 4 !== 0
                ? "its length is not a multiple of 4: padding '=' missing"
                : "'=' padding appears before the end";
          context.report({ node: key.secretNode, messageId: "notBase64", data: { provider: key.providerType, name: key.name ?? "(unnamed)", why } });
        }
      },
    };
  },
});
