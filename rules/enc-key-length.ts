/**
 * @fileoverview enc-key-length: the `secret` of each aescbc / aesgcm / secretbox key in an
 * EncryptionConfiguration must be standard base64 that decodes to 16, 24 or 32 bytes (AES) or
 * exactly 32 bytes (secretbox); otherwise kube-apiserver rejects the file and does not start.
 * Messages never include the secret itself.
 */
import { asMap, asScalar, deref, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { encryptionEntries, isBraceTemplate, isEncryptionConfig, STRING_PLACEHOLDER } from "./shared/_encryption.js";

export { base64DecodedLength } from "./shared/_encryption.js";
import { base64DecodedLength } from "./shared/_encryption.js";

const KEY_SIZES: Record<string, number[]> = {
  aescbc: [16, 24, 32],
  aesgcm: [16, 24, 32],
  secretbox: [32],
};

export default createRule({
  name: "enc-key-length",
  meta: {
    type: "problem",
    docs: {
      description: "Require EncryptionConfiguration aescbc/aesgcm keys of 16, 24 or 32 bytes and secretbox keys of 32 bytes (base64)",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      wrongLength: "{{provider}} key '{{name}}': the secret decodes to {{length}} bytes; {{provider}} needs {{sizes}}. kube-apiserver rejects this EncryptionConfiguration and does not start.",
      template:
        "{{provider}} key '{{name}}': secret is a YAML mapping, not a base64 string: this looks like an unrendered template placeholder ({{example}}). Render the template before kube-apiserver reads the file.",
      placeholder:
        "{{provider}} key '{{name}}': secret looks like an unrendered placeholder ({{pattern}}), not a base64 key. Substitute the real key before kube-apiserver reads the file.",
      notString: "{{provider}} key '{{name}}': secret is a YAML {{what}}, not a base64 string. kube-apiserver rejects this EncryptionConfiguration.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          for (const p of entry.providers) {
            if (!p.type || !p.map) continue;
            const sizes = KEY_SIZES[p.type];
            if (!sizes) continue;
            const providerMap = asMap(getPair(p.map, p.type)?.value ?? null);
            for (const key of seqItems(getSeq(providerMap, "keys"))) {
              const km = asMap(key);
              const secretPair = getPair(km, "secret");
              const raw = secretPair?.value ?? null;
              const secret = deref(raw);
              if (!secretPair || !secret || !raw) continue; // missing secret: another rule's finding
              const name = scalarString(getPair(km, "name")?.value ?? null) ?? "(unnamed)";
              const base = { provider: p.type, name };
              if (secret.type === "Map" || secret.type === "Seq") {
                if (isBraceTemplate(secret)) context.report({ node: raw, messageId: "template", data: { ...base, example: "{{ … }}" } });
                else context.report({ node: raw, messageId: "notString", data: { ...base, what: secret.type === "Map" ? "mapping" : "sequence" } });
                continue;
              }
              const s = asScalar(secret);
              if (!s) continue;
              if (typeof s.value !== "string") {
                if (s.value === null) continue; // empty secret: "secret is required" (another rule)
                context.report({ node: raw, messageId: "notString", data: { ...base, what: typeof s.value === "boolean" ? "boolean" : "number" } });
                continue;
              }
              const ph = STRING_PLACEHOLDER.exec(s.value);
              if (ph) {
                const pattern = ph[0].startsWith("${") ? "${…}" : ph[0].startsWith("{{") ? "{{ … }}" : ph[0].startsWith("<") ? "<…>" : "$VAR";
                context.report({ node: raw, messageId: "placeholder", data: { ...base, pattern } });
                continue;
              }
              const length = base64DecodedLength(s.value);
              // Not base64 at all is enc-key-not-base64's finding.
              if (length === null || sizes.includes(length)) continue;
              context.report({
                node: raw,
                messageId: "wrongLength",
                data: { ...base, length, sizes: sizes.length === 1 ? `${sizes[0]}` : `${sizes.slice(0, -1).join(", ")} or ${sizes[sizes.length - 1]}` },
              });
            }
          }
        }
      },
    };
  },
});
