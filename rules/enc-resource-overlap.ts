/**
 * @fileoverview enc-resource-overlap: resource names that mask each other. In one entry the API
 * server's validation rejects duplicates and overlapping wildcards (`secrets` with `*.`, anything
 * with `*.*`); across entries, a name after an earlier `*.<group>` / `*.*` entry makes kube-apiserver
 * exit ("resource … is masked by earlier rule …").
 */
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { removeSeqItem } from "../src/fix/flags.js";
import { encryptionEntries, grString, isAnalyzableEncryptionConfig, maskedResourceList, parseGroupResource } from "./shared/_encryption.js";

export default createRule({
  name: "enc-resource-overlap",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow duplicate and overlapping resource names in an EncryptionConfiguration",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      duplicate: "Resource '{{name}}' is listed twice in this entry (also as '{{other}}'): kube-apiserver rejects this EncryptionConfiguration.",
      overlap: "Resource '{{name}}' overlaps '{{other}}' in the same entry (they would mask each other): kube-apiserver rejects this EncryptionConfiguration.",
      masked: "Resource '{{name}}' is masked by '{{other}}' in entry {{entry}}: kube-apiserver exits at start-up ('resource {{gr}} is masked by earlier rule'). Put this entry before the wildcard entry.",
      remove: "Remove the duplicate '{{name}}'.",
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
        for (const entry of entries) {
          const seen: { value: string; g: string; r: string }[] = [];
          for (const rn of entry.resourceNodes) {
            const { group: g, resource: r } = parseGroupResource(rn.value);
            const dup = seen.find((s) => s.g === g && s.r === r);
            if (dup) {
              const edits = entry.resourcesSeq ? removeSeqItem(context.sourceCode, entry.resourcesSeq, rn.node) : null;
              context.report({
                node: rn.node,
                messageId: "duplicate",
                data: { name: rn.value, other: dup.value },
                suggest: edits ? [{ messageId: "remove", data: { name: rn.value }, fix: asFix(edits)! }] : null,
              });
            } else {
              const over = seen.find(
                (s) => (s.g === "*" && s.r === "*") || (g === "*" && r === "*") || (s.g === g && (s.r === "*" || r === "*")),
              );
              if (over) context.report({ node: rn.node, messageId: "overlap", data: { name: rn.value, other: over.value } });
            }
            seen.push({ value: rn.value, g, r });
          }
        }
        for (const m of maskedResourceList(entries)) {
          // Overlaps inside one entry are reported above.
          if (m.by.entry === m.entry) continue;
          context.report({
            node: m.node,
            messageId: "masked",
            data: { name: String(m.node.value), other: String(m.by.node.value), entry: m.by.entry.index + 1, gr: grString(parseGroupResource(String(m.node.value))) },
          });
        }
      },
    };
  },
});
