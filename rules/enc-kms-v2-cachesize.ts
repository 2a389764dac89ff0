/**
 * @fileoverview enc-kms-v2-cachesize: `cachesize` is a KMS v1 setting. With `apiVersion: v2` the
 * API server rejects it ("cachesize is not supported in v2"); with v1, `cachesize: 0` is invalid.
 */
import { createRule } from "../src/rule.js";
import { asFix, removePair } from "../src/fix/index.js";
import { scalarNumber } from "../src/language/query.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, kmsProviders } from "./shared/_encryption.js";

export default createRule({
  name: "enc-kms-v2-cachesize",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `cachesize` on KMS v2 providers and `cachesize: 0` on KMS v1 providers",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      v2: "cachesize is not supported in KMS v2 (it caches one DEK seed, not per-object keys): kube-apiserver rejects this EncryptionConfiguration and does not start.",
      zero: "cachesize: 0 is invalid for KMS v1 (use a positive size, or a negative one to disable the cache): kube-apiserver rejects this EncryptionConfiguration.",
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
          const pair = kms.pair("cachesize");
          if (!pair) continue;
          if (kms.version === "v2") {
            context.report({ node: pair, messageId: "v2", fix: asFix(removePair(context.sourceCode, kms.config, pair)) });
          } else if (kms.version === "v1" && scalarNumber(pair.value) === 0) {
            context.report({ node: pair, messageId: "zero" });
          }
        }
      },
    };
  },
});
