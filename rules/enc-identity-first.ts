/**
 * @fileoverview enc-identity-first: in an EncryptionConfiguration, the first provider of a
 * resources entry encrypts every write. `identity` first (with a real provider after it) means new
 * objects — Secrets, typically — are written to etcd in plain text.
 */
import type { MapNode, ResourceNode, SeqNode, YamlNode } from "../src/language/ast.js";
import { asMap, getSeq, keyName, scalarString, seqItems } from "../src/language/query.js";
import { asFix, moveSeqItemLast } from "../src/fix/index.js";
import { createRule } from "../src/rule.js";

export interface EncryptionEntry {
  /** The `resources[i]` mapping. */
  node: MapNode;
  /** Resource names it covers (`secrets`, `*.`, `*.*`, `deployments.apps` …). */
  resources: string[];
  providersSeq: SeqNode | null;
  /** Each provider item with its type (the item's single key), or null when it has none. */
  providers: { item: YamlNode; map: MapNode | null; type: string | null }[];
}

/** Whether a resource is an EncryptionConfiguration (current `apiserver.config.k8s.io/v1`, or the legacy `v1` `EncryptionConfig`). */
export function isEncryptionConfig(resource: ResourceNode): boolean {
  if (resource.kind === "EncryptionConfiguration") return resource.apiVersion === "apiserver.config.k8s.io/v1";
  return resource.kind === "EncryptionConfig" && resource.apiVersion === "v1";
}

export function encryptionEntries(resource: ResourceNode): EncryptionEntry[] {
  const out: EncryptionEntry[] = [];
  for (const item of seqItems(getSeq(resource.node, "resources"))) {
    const node = asMap(item);
    if (!node) continue;
    const resources = seqItems(getSeq(node, "resources"))
      .map((r) => scalarString(r))
      .filter((r): r is string => r !== null);
    const providersSeq = getSeq(node, "providers");
    const providers = seqItems(providersSeq).map((p) => {
      const map = asMap(p);
      const first = map?.pairs[0];
      return { item: p, map, type: first ? keyName(first) : null };
    });
    out.push({ node, resources, providersSeq, providers });
  }
  return out;
}

/** Whether an entry covers Secrets: `secrets` by name, or the core wildcard `*.`, or `*.*`. */
export function coversSecrets(resources: string[]): boolean {
  return resources.some((r) => r === "secrets" || r === "*." || r === "*.*");
}

export default createRule({
  name: "enc-identity-first",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `identity` as the first (writing) provider of an EncryptionConfiguration entry",
      severity: "critical",
      presets: ["recommended", "cis"],
      standards: { cis: ["1.2.28"] },
      equivalents: { "kube-bench": ["1.2.28"] },
    },
    messages: {
      identityFirstSecrets:
        "identity is the first provider for {{resources}}: new Secrets are written to etcd in plain text (the first provider encrypts every write; the providers after it are only used to read).",
      identityFirst:
        "identity is the first provider for {{resources}}: these resources are written to etcd in plain text (the first provider encrypts every write; the providers after it are only used to read).",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Resource(resource) {
        if (!isEncryptionConfig(resource)) return;
        for (const entry of encryptionEntries(resource)) {
          const [first, ...rest] = entry.providers;
          // identity alone is enc-identity-only's finding; here a real provider must follow.
          if (!first || first.type !== "identity" || !rest.some((p) => p.type !== null && p.type !== "identity")) continue;
          const edits = entry.providersSeq ? moveSeqItemLast(sourceCode, entry.providersSeq, first.item) : null;
          context.report({
            node: first.item,
            messageId: coversSecrets(entry.resources) ? "identityFirstSecrets" : "identityFirst",
            data: { resources: entry.resources.length ? entry.resources.join(", ") : "this entry" },
            fix: asFix(edits),
          });
        }
      },
    };
  },
});
