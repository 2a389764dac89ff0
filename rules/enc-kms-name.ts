/**
 * @fileoverview enc-kms-name: a KMS provider needs a `name`; a KMS v2 name must not contain `:`
 * and must be unique among the file's KMS providers (it is part of the stored prefix and metrics).
 */
import { createRule } from "../src/rule.js";
import { scalarString } from "../src/language/query.js";
import { encryptionEntries, isAnalyzableEncryptionConfig, kmsProviders } from "./shared/_encryption.js";

export default createRule({
  name: "enc-kms-name",
  meta: {
    type: "problem",
    docs: {
      description: "Require a valid, unique `name` on every KMS provider of an EncryptionConfiguration",
      severity: "high",
      presets: ["recommended"],
    },
    messages: {
      missing: "kms provider has no name: kube-apiserver rejects this EncryptionConfiguration ('name' is required).",
      colon: "KMS v2 provider name '{{name}}' contains ':', which is not allowed (the name is part of the stored prefix k8s:enc:kms:v2:<name>:): kube-apiserver rejects this EncryptionConfiguration.",
      duplicate: "KMS v2 provider name '{{name}}' is already used by the kms provider on line {{line}}: names must be unique, so kube-apiserver rejects this EncryptionConfiguration.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isAnalyzableEncryptionConfig(resource)) return;
        const seen = new Map<string, number>();
        for (const kms of kmsProviders(encryptionEntries(resource))) {
          const pair = kms.pair("name");
          const name = scalarString(pair?.value ?? null);
          if (!pair || name === null || name === "") {
            context.report({ node: pair ?? kms.provider.pair?.key ?? kms.provider.item, messageId: "missing" });
            continue;
          }
          const node = pair.value!;
          if (kms.version === "v2" && name.includes(":")) context.report({ node, messageId: "colon", data: { name } });
          else if (kms.version === "v2" && seen.has(name)) context.report({ node, messageId: "duplicate", data: { name, line: seen.get(name)! } });
          if (!seen.has(name)) seen.set(name, context.sourceCode.getLoc(node).start.line);
        }
      },
    };
  },
});
