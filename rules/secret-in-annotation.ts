/**
 * @fileoverview secret-in-annotation: annotations that carry secret material. A Secret with
 * `kubectl.kubernetes.io/last-applied-configuration` (or kapp's `kapp.k14s.io/original`) embeds a
 * second copy of its data/stringData in plain JSON — readable by anyone who can read the object's
 * metadata and kept even after the data is rotated or removed — and removing that annotation from a
 * committed manifest is safe (kubectl apply writes it from the manifest). Any annotation whose
 * value contains a known credential format, or whose name marks a credential and whose value is
 * a literal, is reported too. Messages name the annotation, never its value.
 */
import type { ResourceNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { asFix } from "../src/fix/index.js";
import { asScalar } from "../src/language/query.js";
import { annotationPairs, removeAnnotationEdit } from "./shared/_exposure.js";
import { credentialFormat, literalCredential } from "./shared/_secrets-scan.js";
import { isCoreSecret } from "./secret-manifest-committed.js";

const EMBEDDING = new Set(["kubectl.kubernetes.io/last-applied-configuration", "kapp.k14s.io/original"]);

/** Keys of a non-empty data/stringData map in an embedded object (JSON), or null. */
function embeddedDataKeys(json: string): string[] | null {
  let obj: unknown;
  try {
    obj = JSON.parse(json);
  } catch {
    return /"(?:data|stringData)"\s*:\s*\{\s*"/u.test(json) ? [] : null;
  }
  if (!obj || typeof obj !== "object") return null;
  const keys: string[] = [];
  for (const field of ["data", "stringData"]) {
    const m = (obj as Record<string, unknown>)[field];
    if (m && typeof m === "object" && !Array.isArray(m)) keys.push(...Object.keys(m as object));
  }
  return keys.length ? keys : null;
}

export default createRule({
  name: "secret-in-annotation",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow secret material in annotations, such as last-applied-configuration on a Secret",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      lastApplied:
        "Secret '{{name}}' has annotation {{annotation}}, which embeds a plaintext copy of its data{{keys}} (value not shown): anyone who can read the Secret's metadata reads it, and it survives rotation. Remove the annotation.",
      credential:
        "{{kind}} '{{name}}' annotation {{annotation}} holds {{what}} (value not shown): annotations are readable by anyone who can list the object and show up in `kubectl describe`. Move it to a Secret and rotate it.",
      removeAnnotation: "Remove the {{annotation}} annotation.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource: ResourceNode) {
        const { pairs } = annotationPairs(resource);
        for (const { key, pair } of pairs) {
          const s = asScalar(pair.value);
          if (!s || typeof s.value !== "string" || !pair.key) continue;
          const value = s.value;
          const base = { kind: resource.kind ?? "object", name: resource.name ?? "(unnamed)", annotation: key };
          if (EMBEDDING.has(key) && isCoreSecret(resource)) {
            const keys = embeddedDataKeys(value);
            if (keys) {
              context.report({
                node: pair.key,
                messageId: "lastApplied",
                data: { ...base, keys: keys.length ? ` (keys: ${keys.slice(0, 5).join(", ")}${keys.length > 5 ? ", …" : ""})` : "" },
                fix: asFix(removeAnnotationEdit(context.sourceCode, resource, pair)),
              });
              continue;
            }
          }
          const fmt = credentialFormat(value);
          if (fmt) {
            context.report({ node: pair.key, messageId: "credential", data: { ...base, what: fmt } });
          } else if (!EMBEDDING.has(key) && literalCredential(key, value) && !value.includes("\n")) {
            context.report({ node: pair.key, messageId: "credential", data: { ...base, what: "a literal credential (by its name)" } });
          }
        }
      },
    };
  },
});
