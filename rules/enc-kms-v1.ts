/**
 * @fileoverview enc-kms-v1: a `kms` provider without `apiVersion: v2` uses KMS v1 (the default when
 * absent), deprecated since Kubernetes 1.28 and disabled by default (feature gate `KMSv1`) from 1.29.
 */
import type { RuleTextEdit } from "../src/rule.js";
import { createRule } from "../src/rule.js";
import { asFix, canEdit, removePair, setMapValue } from "../src/fix/index.js";
import { scalarString } from "../src/language/query.js";
import { targetVersionOf, versionAtLeast } from "../src/k8s-version.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, kmsProviders } from "./shared/_encryption.js";

export default createRule({
  name: "enc-kms-v1",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow KMS v1 providers (`kms` without `apiVersion: v2`) in an EncryptionConfiguration",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      kmsV1: "kms provider '{{name}}' uses KMS v1{{implicit}}: deprecated since Kubernetes 1.28 and slower than v2 (one KMS call per object).",
      kmsV1Gate:
        "kms provider '{{name}}' uses KMS v1{{implicit}}: deprecated since Kubernetes 1.28, and from 1.29 kube-apiserver refuses it unless --feature-gates=KMSv1=true ('KMSv1 is deprecated … Use KMSv2 instead').",
      unsupported: "kms apiVersion '{{version}}' is not supported (only v1 and v2): kube-apiserver rejects this EncryptionConfiguration.",
      useV2: "Set apiVersion: v2 (the KMS plugin must implement the v2 API){{dropCache}}.",
    },
    hasSuggestions: true,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const version = targetVersionOf(context.settings);
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        for (const kms of kmsProviders(encryptionEntries(resource))) {
          if (kms.version !== "v1" && kms.version !== "v2") {
            const v = kms.pair("apiVersion")?.value;
            if (v) context.report({ node: v, messageId: "unsupported", data: { version: kms.version } });
            continue;
          }
          // KMS v2 is beta from 1.27; before that v1 is the only choice.
          if (kms.version !== "v1" || !versionAtLeast(version, 1, 27)) continue;
          const apiPair = kms.pair("apiVersion");
          const cachePair = kms.pair("cachesize");
          const node = apiPair?.value ?? kms.provider.pair?.key ?? kms.provider.item;
          const sc = context.sourceCode;
          let edits: RuleTextEdit[] | null = null;
          if (cachePair && !apiPair && cachePair.key && cachePair.value && canEdit(sc, cachePair.range[0], cachePair.range[1])) {
            // Replace the v1-only cachesize line by the apiVersion (no overlapping edits).
            edits = [{ range: [cachePair.key.range[0], cachePair.value.range[1]], text: "apiVersion: v2" }];
          } else {
            const set = setMapValue(sc, kms.config, "apiVersion", "v2");
            const drop = cachePair ? removePair(sc, kms.config, cachePair) : [];
            edits = set && drop ? [...set, ...drop] : null;
          }
          const name = scalarString(kms.pair("name")?.value ?? null) ?? "";
          context.report({
            node,
            messageId: versionAtLeast(version, 1, 29) ? "kmsV1Gate" : "kmsV1",
            data: { name, implicit: apiPair ? "" : " (no apiVersion: the default is v1)" },
            suggest: edits ? [{ messageId: "useV2", data: { dropCache: cachePair ? " and drop cachesize (v1 only)" : "" }, fix: asFix(edits)! }] : null,
          });
        }
      },
    };
  },
});
