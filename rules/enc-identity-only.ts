/**
 * @fileoverview enc-identity-only: the EncryptionConfiguration entry that decides how Secrets are
 * written lists only `identity` — Secrets are stored in etcd in plain text although an
 * `--encryption-provider-config` is set.
 */
import { createRule } from "../src/rule.js";
import { decidingEntry, encryptingAlternative, encryptionEntries, isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

export default createRule({
  name: "enc-identity-only",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow an EncryptionConfiguration whose entry for Secrets has only the `identity` provider",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.28"] },
      equivalents: { "kube-bench": ["1.2.28"] },
    },
    messages: {
      identityOnly:
        "Secrets are written by this entry ({{via}}), whose only provider is identity: Secrets are stored in etcd in plain text. Add an encrypting provider (kms v2, secretbox, aesgcm or aescbc) before identity.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        const entries = encryptionEntries(resource);
        const decide = decidingEntry(entries, "", "secrets");
        if (!decide) return; // enc-secrets-not-covered
        const { entry } = decide;
        if (!entry.providers.length || !entry.providers.every((p) => p.type === "identity")) return;
        // Another entry would encrypt Secrets but this one takes precedence: enc-secrets-shadowed.
        if (encryptingAlternative(entries, entry)) return;
        context.report({ node: entry.providers[0]!.item, messageId: "identityOnly", data: { via: String(decide.node.value) } });
      },
    };
  },
});
