/**
 * @fileoverview configmap-sensitive-content: credentials in a ConfigMap. ConfigMaps are not
 * treated as confidential (no encryption at rest by default, readable by `view`, printed by
 * `kubectl describe`). Reported: a data key named like a credential with a literal value, a known
 * credential format anywhere in a value, and `key = value` / `key: value` lines of embedded config
 * files whose key names a credential. Messages name the key (and line), never the value.
 */
import type { ScalarNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asScalar, getMap, keyName } from "../src/language/query.js";
import { credentialFormat, literalCredential, literalLineRange, scanText } from "./shared/_secrets-scan.js";

export default createRule({
  name: "configmap-sensitive-content",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow credentials in ConfigMaps",
      severity: "high",
      presets: ["recommended"],
      equivalents: { polaris: ["sensitiveConfigmapContent"], trivy: ["KSV-0109", "KSV109"], kubescape: ["C-0012"] },
    },
    messages: {
      key: "ConfigMap '{{name}}' key {{key}} looks like a credential and has a literal value (value not shown): ConfigMaps are readable by the view role and are not encrypted at rest. Move it to a Secret.",
      format: "ConfigMap '{{name}}' key {{key}} contains {{what}} (value not shown): move it to a Secret and rotate it.",
      embedded:
        "ConfigMap '{{name}}' key {{key}}, line {{line}} of the value, sets {{what}} (value not shown): move the credential to a Secret (mounted file or environment variable) and rotate it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          sensitiveWords: { type: "array", items: { type: "string", pattern: "^[A-Za-z0-9]+$" }, uniqueItems: true, description: "Extra key words that mark a credential." },
          ignoreKeys: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "data keys never reported (exact)." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ sensitiveWords: [], ignoreKeys: [] }] as [{ sensitiveWords?: string[]; ignoreKeys?: string[] }],
  create(context, [options]) {
    const extra = new Set((options.sensitiveWords ?? []).map((w) => w.toLowerCase()));
    const ignore = new Set(options.ignoreKeys ?? []);
    return {
      Resource(resource) {
        if (resource.kind !== "ConfigMap" || resource.apiVersion !== "v1") return;
        const name = resource.name ?? "(unnamed)";
        for (const field of ["data", "binaryData"]) {
          for (const pair of getMap(resource.node, field)?.pairs ?? []) {
            const key = keyName(pair);
            const s: ScalarNode | null = asScalar(pair.value);
            if (key === null || ignore.has(key) || !pair.key || !s || typeof s.value !== "string") continue;
            const value = s.value;
            if (field === "binaryData" || !value.includes("\n")) {
              const fmt = credentialFormat(value);
              if (fmt) context.report({ node: pair.key, messageId: "format", data: { name, key, what: fmt } });
              else if (field === "data" && literalCredential(key, value, extra)) context.report({ node: pair.key, messageId: "key", data: { name, key } });
              continue;
            }
            for (const f of scanText(value, extra)) {
              const at = literalLineRange(context.sourceCode, s, f);
              context.report({ node: at ?? pair.key, messageId: "embedded", data: { name, key, line: f.line + 1, what: f.what } });
            }
          }
        }
      },
    };
  },
});
