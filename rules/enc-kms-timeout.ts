/**
 * @fileoverview enc-kms-timeout: a KMS provider's `timeout` must be a positive duration (default 3s).
 */
import { createRule } from "../src/rule.js";
import { asFix, removePair } from "../src/fix/index.js";
import { asScalar } from "../src/language/query.js";
import { encryptionEntries, goDurationPositive, isAnalyzableEncryptionConfig, kmsProviders } from "./shared/_encryption.js";

export default createRule({
  name: "enc-kms-timeout",
  meta: {
    type: "problem",
    docs: {
      description: "Require a positive duration for a KMS provider's `timeout` in an EncryptionConfiguration",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      notPositive: "kms timeout '{{value}}' is not greater than zero: kube-apiserver rejects this EncryptionConfiguration. Remove it to use the default 3s.",
      invalid: "kms timeout '{{value}}' is not a duration string such as 3s or 500ms: kube-apiserver cannot decode this EncryptionConfiguration. Remove it to use the default 3s.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const kms of kmsProviders(encryptionEntries(resource))) {
          const pair = kms.pair("timeout");
          const s = asScalar(pair?.value ?? null);
          if (!pair || !s || s.value === null) continue;
          const value = String(s.value);
          const positive = typeof s.value === "string" ? goDurationPositive(s.value) : null;
          if (positive === true) continue;
          context.report({
            node: pair,
            messageId: positive === false ? "notPositive" : "invalid",
            data: { value },
            fix: asFix(removePair(context.sourceCode, kms.config, pair)),
          });
        }
      },
    };
  },
});
