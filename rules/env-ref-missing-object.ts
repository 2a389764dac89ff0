/**
 * @fileoverview env-ref-missing-object (cross-resource): a container or volume refers to a ConfigMap
 * or Secret (or one key of it) that is not in the input. The pod then fails to start
 * (CreateContainerConfigError / volume mount failure) unless the reference is `optional: true`.
 *
 * Under ESLint a rule sees the documents of one file, so the input is the file. A file that defines
 * no ConfigMap or Secret at all is evidently partial and is not judged unless `assumeCompleteInput`.
 */
import type { MapNode, PairNode, PodSpecNode, ResourceNode } from "../src/language/ast.js";
import { asMap, getBool, getMap, getPair, getSeq, getString, keyName, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

type Options = [{ assumeCompleteInput?: boolean }];
type RefKind = "ConfigMap" | "Secret";

interface Ref {
  kind: RefKind;
  name: string;
  key: string | null;
  /** The node to report: the `name:` pair of the reference. */
  node: PairNode;
  /** The `key:` pair when one key is referenced. */
  keyNode: PairNode | null;
}

/** Keys of a ConfigMap (data + binaryData) or Secret (data + stringData). */
function keysOf(resource: ResourceNode): Set<string> {
  const out = new Set<string>();
  const fields = resource.kind === "Secret" ? ["data", "stringData"] : ["data", "binaryData"];
  for (const f of fields) for (const p of getMap(resource.node, f)?.pairs ?? []) {
    const k = keyName(p);
    if (k !== null) out.add(k);
  }
  return out;
}

function refFrom(map: MapNode | null, kind: RefKind, nameKey: string, keyField: string | null): Ref | null {
  if (!map || getBool(map, "optional") === true) return null;
  const namePair = getPair(map, nameKey);
  const name = getString(map, nameKey);
  if (!namePair || !name || name.includes("{{")) return null;
  const keyPair = keyField ? getPair(map, keyField) : null;
  return { kind, name, key: keyField ? getString(map, keyField) : null, node: namePair, keyNode: keyPair };
}

/** Every reference a pod spec makes to ConfigMaps and Secrets. */
function referencesOf(podSpec: PodSpecNode): Ref[] {
  const refs: Ref[] = [];
  for (const c of podSpec.containers) {
    for (const env of seqItems(getSeq(c.node, "env"))) {
      const valueFrom = getMap(asMap(env), "valueFrom");
      const cm = refFrom(getMap(valueFrom, "configMapKeyRef"), "ConfigMap", "name", "key");
      const sec = refFrom(getMap(valueFrom, "secretKeyRef"), "Secret", "name", "key");
      if (cm) refs.push(cm);
      if (sec) refs.push(sec);
    }
    for (const src of seqItems(getSeq(c.node, "envFrom"))) {
      const cm = refFrom(getMap(asMap(src), "configMapRef"), "ConfigMap", "name", null);
      const sec = refFrom(getMap(asMap(src), "secretRef"), "Secret", "name", null);
      if (cm) refs.push(cm);
      if (sec) refs.push(sec);
    }
  }
  for (const vol of seqItems(getSeq(podSpec.node, "volumes"))) {
    const v = asMap(vol);
    const cm = refFrom(getMap(v, "configMap"), "ConfigMap", "name", null);
    const sec = refFrom(getMap(v, "secret"), "Secret", "secretName", null);
    if (cm) refs.push(cm);
    if (sec) refs.push(sec);
    for (const source of seqItems(getSeq(getMap(v, "projected"), "sources"))) {
      const pcm = refFrom(getMap(asMap(source), "configMap"), "ConfigMap", "name", null);
      const psec = refFrom(getMap(asMap(source), "secret"), "Secret", "name", null);
      if (pcm) refs.push(pcm);
      if (psec) refs.push(psec);
    }
  }
  return refs;
}

export default createRule<"missingObject" | "missingKey", Options>({
  name: "env-ref-missing-object",
  meta: {
    type: "problem",
    docs: {
      description: "Report references to ConfigMaps, Secrets or keys that are not defined in the input",
      severity: "low",
      presets: [],
      aliases: ["configmap-secret-ref-missing"],
      equivalents: { "kube-linter": ["env-value-from"] },
    },
    messages: {
      missingObject:
        "{{kind}} '{{name}}'{{ns}} is not defined in this file: the pod cannot start until it exists (mark the reference optional: true if that is intended).",
      missingKey:
        "{{kind}} '{{name}}' has no key '{{key}}': the container fails with CreateContainerConfigError (mark the reference optional: true if that is intended).",
    },
    schema: [
      {
        type: "object",
        properties: {
          assumeCompleteInput: {
            type: "boolean",
            description: "Report even when the file defines no ConfigMap or Secret at all (by default such files are assumed to be partial).",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ assumeCompleteInput: false }],
  create(context, [options]) {
    const resources = context.sourceCode.resources;
    const defined = resources.filter((r) => (r.kind === "ConfigMap" || r.kind === "Secret") && r.apiVersion === "v1" && r.name);
    if (!options.assumeCompleteInput && defined.length === 0) return {};
    const find = (kind: RefKind, name: string, ns: string | null): ResourceNode | undefined =>
      defined.find((r) => r.kind === kind && r.name === name && (r.namespace ?? null) === (ns ?? null));
    return {
      PodSpec(podSpec) {
        const ns = podSpec.resource.namespace;
        for (const ref of referencesOf(podSpec)) {
          const target = find(ref.kind, ref.name, ns);
          if (!target) {
            context.report({ node: ref.node, messageId: "missingObject", data: { kind: ref.kind, name: ref.name, ns: ns ? ` (namespace '${ns}')` : "" } });
          } else if (ref.key !== null && ref.keyNode && !keysOf(target).has(ref.key)) {
            context.report({ node: ref.keyNode, messageId: "missingKey", data: { kind: ref.kind, name: ref.name, key: ref.key } });
          }
        }
      },
    };
  },
});
