/**
 * @fileoverview enc-provider-item-invalid: each `providers` item must hold exactly one provider
 * (`aesgcm`, `aescbc`, `secretbox`, `identity` or `kms`) with a value. `- identity:` (YAML null) is
 * no provider at all; two providers in one item are rejected too.
 */
import { createRule } from "../src/rule.js";
import { asFix, canEdit, replaceNode } from "../src/fix/index.js";
import { asScalar, deref, keyName } from "../src/language/query.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, PROVIDER_TYPES } from "./shared/_encryption.js";

export default createRule({
  name: "enc-provider-item-invalid",
  meta: {
    type: "problem",
    docs: {
      description: "Require exactly one provider with a value in each EncryptionConfiguration providers item",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      none: "This providers item holds no provider{{hint}}: kube-apiserver rejects the file ('provider does not contain any of the expected providers: KMS, AESGCM, AESCBC, Secretbox, Identity').",
      many: "This providers item holds {{count}} providers ({{types}}): kube-apiserver rejects the file ('more than one provider specified in a single element, should split into different list elements').",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sc = context.sourceCode;
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          for (const p of entry.providers) {
            if (!p.map) {
              const s = asScalar(p.item);
              const bare = s && s.value === "identity";
              context.report({
                node: p.item,
                messageId: "none",
                data: { hint: bare ? " ('identity' is a string here; write identity: {})" : "" },
                fix: bare ? asFix(replaceNode(sc, p.item, "identity: {}")) : null,
              });
              continue;
            }
            const known = p.map.pairs.filter((pair) => (PROVIDER_TYPES as readonly string[]).includes(keyName(pair) ?? ""));
            const withValue = known.filter((pair) => {
              const v = deref(pair.value);
              return v !== null && !(v.type === "Scalar" && v.value === null);
            });
            if (withValue.length > 1) {
              context.report({ node: p.item, messageId: "many", data: { count: withValue.length, types: withValue.map((x) => keyName(x)).join(", ") } });
            } else if (withValue.length === 0) {
              const nullIdentity = known.length === 1 && keyName(known[0]!) === "identity" && p.map.pairs.length === 1 ? known[0]! : null;
              let fix: ReturnType<typeof asFix> = null;
              if (nullIdentity?.key && !p.map.flow) {
                // `identity:` / `identity: ~` / `identity: null` → `identity: {}`
                const v = nullIdentity.value;
                if (v && v.range[0] !== v.range[1]) {
                  fix = asFix(replaceNode(sc, v, "{}")); // `identity: ~` / `identity: null`
                } else {
                  const colon = sc.text.indexOf(":", nullIdentity.key.range[1]);
                  const ok = colon !== -1 && sc.text.slice(nullIdentity.key.range[1], colon).trim() === "" && canEdit(sc, colon, colon + 1);
                  fix = ok ? asFix([{ range: [colon + 1, colon + 1], text: " {}" }]) : null;
                }
              }
              const hint = known.length ? ` ('${keyName(known[0]!)}' has no value; write ${keyName(known[0]!)}: {}${keyName(known[0]!) === "identity" ? "" : " with its settings"})` : "";
              context.report({ node: p.item, messageId: "none", data: { hint }, fix });
            }
          }
        }
      },
    };
  },
});
