/**
 * @fileoverview secret-manifest-committed: a `kind: Secret` with values in `data` / `stringData`
 * kept in the linted sources. base64 is an encoding, not encryption. The rule reports the `data` /
 * `stringData` key and names the keys; it never reads a value into a message, a fix or a
 * suggestion.
 */
import { createRule } from "../src/rule.js";
import { apiGroup } from "../src/language/k8s.js";
import { asMap, asScalar, getPair, keyName } from "../src/language/query.js";
import type { MapNode, PairNode, ResourceNode } from "../src/language/ast.js";

export function isCoreSecret(resource: ResourceNode): boolean {
  return resource.kind === "Secret" && resource.apiVersion === "v1" && apiGroup(resource.apiVersion) === "";
}

/** Keys of a data map whose value is non-empty (a value node that is not null or ""). Values are never returned. */
export function filledKeys(map: MapNode | null): string[] {
  if (!map) return [];
  const out: string[] = [];
  for (const p of map.pairs) {
    const k = keyName(p);
    if (k === null || k === "<<") continue;
    const v = asScalar(p.value);
    if (p.value === null || (v && (v.value === null || v.value === ""))) continue;
    out.push(k);
  }
  return out;
}

export default createRule({
  name: "secret-manifest-committed",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Secret manifests that carry their values in data or stringData",
      severity: "medium",
      presets: ["recommended"],
    },
    messages: {
      committed:
        "Secret '{{name}}' carries {{count}} value(s) in {{field}} (keys: {{keys}}): base64 is an encoding, not encryption, so anyone who can read this file has them. Keep an encrypted form instead (SealedSecret, SOPS, External Secrets, CSI secrets store) and rotate these values.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Resource(resource) {
        if (!isCoreSecret(resource)) return;
        for (const field of ["data", "stringData"]) {
          const pair: PairNode | null = getPair(resource.node, field);
          if (!pair?.key) continue;
          const keys = filledKeys(asMap(pair.value));
          if (!keys.length) continue;
          const shown = keys.length > 5 ? `${keys.slice(0, 5).join(", ")}, … ${keys.length - 5} more` : keys.join(", ");
          context.report({ node: pair.key, messageId: "committed", data: { name: resource.name ?? "(unnamed)", count: keys.length, field, keys: shown } });
        }
      },
    };
  },
});
