/**
 * @fileoverview enc-unknown-field: kube-apiserver decodes the EncryptionConfiguration strictly, so
 * any key that is not part of the schema (a typo such as `provider:` or `secrets:`) makes it exit.
 */
import type { MapNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asMap, getPair, keyName, seqItems, asSeq } from "../src/language/query.js";
import { nearestKey } from "./shared/_audit.js";
import { isAnalyzableEncryptionConfig } from "./shared/_encryption.js";

const SCHEMA: Record<string, readonly string[]> = {
  top: ["apiVersion", "kind", "resources"],
  entry: ["resources", "providers"],
  provider: ["aesgcm", "aescbc", "secretbox", "identity", "kms"],
  keyed: ["keys"],
  key: ["name", "secret"],
  identity: [],
  kms: ["apiVersion", "name", "cachesize", "endpoint", "timeout"],
};

export default createRule({
  name: "enc-unknown-field",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow fields that are not part of the EncryptionConfiguration schema",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      unknown: "Unknown field '{{key}}' in {{where}}{{hint}}: kube-apiserver decodes this file strictly and exits ('unknown field').",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const check = (map: MapNode | null, kind: keyof typeof SCHEMA, where: string): void => {
      if (!map) return;
      const valid = SCHEMA[kind]!;
      for (const pair of map.pairs) {
        const k = keyName(pair);
        if (k === null || k === "<<" || valid.includes(k) || !pair.key) continue;
        const near = nearestKey(k, valid);
        context.report({ node: pair.key, messageId: "unknown", data: { key: k, where, hint: near ? ` (did you mean '${near}'?)` : valid.length ? "" : " (identity takes no settings: write identity: {})" } });
      }
    };
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        check(resource.node, "top", "the EncryptionConfiguration");
        for (const e of seqItems(asSeq(getPair(resource.node, "resources")?.value ?? null))) {
          const entry = asMap(e);
          check(entry, "entry", "a resources entry");
          for (const p of seqItems(asSeq(getPair(entry, "providers")?.value ?? null))) {
            const item = asMap(p);
            check(item, "provider", "a providers item");
            for (const pair of item?.pairs ?? []) {
              const type = keyName(pair);
              const cfg = asMap(pair.value);
              if (type === "aesgcm" || type === "aescbc" || type === "secretbox") {
                check(cfg, "keyed", `the ${type} provider`);
                for (const k of seqItems(asSeq(getPair(cfg, "keys")?.value ?? null))) check(asMap(k), "key", `a ${type} key`);
              } else if (type === "kms") check(cfg, "kms", "the kms provider");
              else if (type === "identity") check(cfg, "identity", "the identity provider");
            }
          }
        }
      },
    };
  },
});
