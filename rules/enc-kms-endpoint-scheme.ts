/**
 * @fileoverview enc-kms-endpoint-scheme: a KMS provider's `endpoint` is required and must be a
 * `unix://` URL ("unsupported scheme … for KMS provider, only unix is supported").
 */
import { createRule } from "../src/rule.js";
import { scalarString } from "../src/language/query.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, kmsProviders } from "./shared/_encryption.js";

export default createRule({
  name: "enc-kms-endpoint-scheme",
  meta: {
    type: "problem",
    docs: {
      description: "Require a `unix://` endpoint on every KMS provider of an EncryptionConfiguration",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      missing: "kms provider has no endpoint: kube-apiserver rejects this EncryptionConfiguration ('endpoint' is required, e.g. unix:///var/run/kmsplugin/socket.sock).",
      scheme: "kms endpoint '{{endpoint}}' is not a unix:// socket URL: only the unix scheme is supported, so kube-apiserver rejects this EncryptionConfiguration.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const kms of kmsProviders(encryptionEntries(resource))) {
          const pair = kms.pair("endpoint");
          const value = scalarString(pair?.value ?? null);
          if (!pair || value === null || value.trim() === "") {
            context.report({ node: pair ?? kms.provider.pair?.key ?? kms.provider.item, messageId: "missing" });
          } else if (!/^unix:/iu.test(value)) {
            context.report({ node: pair.value!, messageId: "scheme", data: { endpoint: value } });
          }
        }
      },
    };
  },
});
