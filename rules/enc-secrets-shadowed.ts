/**
 * @fileoverview enc-secrets-shadowed: an entry that would encrypt Secrets never writes them because
 * an entry the API server consults first (an earlier entry naming `secrets`, or a narrower
 * wildcard) starts with `identity`.
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { moveSeqItemBefore } from "./shared/_audit.js";
import { decidingEntry, encryptingAlternative, encryptionEntries, isAnalyzableEncryptionConfig, parseGroupResource } from "./shared/_encryption.js";
import { getSeq } from "../src/language/query.js";

export default createRule({
  name: "enc-secrets-shadowed",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow an EncryptionConfiguration where an identity-first entry takes precedence over the entry that encrypts Secrets",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      shadowed:
        "Secrets are written by entry {{entry}} ('{{via}}'), whose first provider is identity, so they are stored in plain text: entry {{other}} ('{{otherVia}}', first provider {{provider}}) never writes them ({{why}}).",
      moveBefore: "Move entry {{other}} before entry {{entry}}.",
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
        const decide = decidingEntry(entries, "", "secrets");
        if (!decide || decide.entry.providers[0]?.type !== "identity") return;
        const alt = encryptingAlternative(entries, decide.entry);
        if (!alt) return;
        const via = String(decide.node.value);
        const exact = parseGroupResource(via).resource === "secrets" && parseGroupResource(alt.value).resource === "secrets";
        const why = exact
          ? "the same resource named in two entries uses the providers of the earlier entry first"
          : "the API server looks up the exact resource first, then '*.<group>', then '*.*'";
        const data = {
          entry: decide.entry.index + 1,
          via,
          other: alt.entry.index + 1,
          otherVia: alt.value,
          provider: alt.entry.providers[0]!.type ?? "",
          why,
        };
        const seq = getSeq(resource.node, "resources");
        // Reordering helps only when both entries name Secrets exactly (a wildcard placed first would mask the later name).
        const edits = exact && seq && alt.entry.index > decide.entry.index ? moveSeqItemBefore(context.sourceCode, seq, alt.entry.node, decide.entry.node) : null;
        context.report({
          node: decide.node,
          messageId: "shadowed",
          data,
          suggest: edits ? [{ messageId: "moveBefore", data, fix: asFix(edits)! }] : null,
        });
      },
    };
  },
});
