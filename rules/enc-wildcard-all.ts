/**
 * @fileoverview enc-wildcard-all: an entry encrypts every resource (`*.*`) or every core resource
 * (`*.`). Informational: every read and write of those resources pays the encryption cost.
 */
import { createRule } from "../src/rule.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, isRealProvider } from "./shared/_encryption.js";

export default createRule({
  name: "enc-wildcard-all",
  meta: {
    type: "suggestion",
    docs: {
      description: "Note EncryptionConfiguration entries that encrypt all resources with a wildcard",
      severity: "info",
      presets: [],
    },
    messages: {
      wildcard:
        "'{{name}}' encrypts {{what}} with {{provider}}: every read and write of them pays the encryption cost (and a KMS round trip for kms v1). Secrets (and ConfigMaps holding credentials) are usually enough; exempt high-volume resources such as events with an earlier identity-only entry.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          const provider = entry.providers[0]?.type ?? null;
          if (!isRealProvider(provider)) continue;
          for (const rn of entry.resourceNodes) {
            if (rn.value !== "*.*" && rn.value !== "*.") continue;
            const what = rn.value === "*.*" ? "every resource, including custom resources added later," : "every resource of the core API group";
            context.report({ node: rn.node, messageId: "wildcard", data: { name: rn.value, what, provider: provider! } });
          }
        }
      },
    };
  },
});
