/**
 * @fileoverview enc-secrets-not-covered: no entry of the EncryptionConfiguration names Secrets
 * (`secrets`, `*.` or `*.*`), so Secrets fall through to `identity` and are stored in plain text.
 */
import { createRule } from "../src/rule.js";
import { appendSeqItem, asFix } from "../src/fix/index.js";
import { getPair } from "../src/language/query.js";
import { coversSecrets, encryptionEntries, isAnalyzableEncryptionConfig, isRealProvider } from "./shared/_encryption.js";

export default createRule({
  name: "enc-secrets-not-covered",
  meta: {
    type: "problem",
    docs: {
      description: "Require an EncryptionConfiguration to have an entry for Secrets",
      severity: "high",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.28"] },
    },
    messages: {
      notCovered:
        "No entry names Secrets ('secrets', '*.' or '*.*'): kube-apiserver stores Secrets in etcd in plain text although this EncryptionConfiguration encrypts {{covered}}.",
      addSecrets: "Add 'secrets' to entry {{entry}} (first provider {{provider}}).",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        const entries = encryptionEntries(resource);
        if (entries.some((e) => coversSecrets(e.resources))) return;
        const pair = getPair(resource.node, "resources");
        const node = pair?.key ?? resource.node;
        const covered = entries.flatMap((e) => e.resources);
        const target = entries.find((e) => isRealProvider(e.providers[0]?.type ?? null) && e.resourcesSeq);
        const edits = target ? appendSeqItem(context.sourceCode, target.resourcesSeq!, "secrets") : null;
        const data = { covered: covered.length ? covered.join(", ") : "nothing", entry: (target?.index ?? 0) + 1, provider: target?.providers[0]?.type ?? "" };
        context.report({ node, messageId: "notCovered", data, suggest: edits ? [{ messageId: "addSecrets", data, fix: asFix(edits)! }] : null });
      },
    };
  },
});
