/**
 * @fileoverview secret-pattern-in-yaml: credentials anywhere else in a manifest — custom resource
 * specs (Helm release values, datasource and alerting configs, repository credentials), command
 * lines, embedded config files, `name`/`value` parameter lists. Parts covered by a dedicated rule
 * are skipped so one credential gives one finding: Secret data/stringData
 * (secret-manifest-committed), ConfigMap data (configmap-sensitive-content), annotations
 * (secret-in-annotation) and container env values (secret-in-env-literal). Messages give the
 * YAML path and what was found, never the value.
 */
import type { MapNode, ResourceNode, ScalarNode, YamlNode } from "../src/language/ast.js";
import { createRule } from "../src/rule.js";
import { apiGroup } from "../src/language/k8s.js";
import { asScalar, getMap, getPair, getSeq, keyName, scalarString } from "../src/language/query.js";
import { credentialFormat, literalCredential, literalLineRange, scanText } from "./shared/_secrets-scan.js";
import { isCoreSecret } from "./secret-manifest-committed.js";

type Path = (string | number)[];

function pathText(path: Path): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || "(document)";
}

/** Nodes a dedicated rule already covers, for one resource. */
function coveredNodes(resource: ResourceNode): Set<YamlNode> {
  const out = new Set<YamlNode>();
  const metadata = getMap(resource.node, "metadata");
  const ann = getPair(metadata, "annotations")?.value;
  if (ann) out.add(ann);
  if (isCoreSecret(resource)) {
    for (const f of ["data", "stringData"]) {
      const v = getPair(resource.node, f)?.value;
      if (v) out.add(v);
    }
  }
  if (resource.kind === "ConfigMap" && resource.apiVersion === "v1") {
    for (const f of ["data", "binaryData"]) {
      const v = getPair(resource.node, f)?.value;
      if (v) out.add(v);
    }
  }
  for (const ps of resource.podSpecs) for (const c of ps.containers) {
    const env = getSeq(c.node, "env");
    if (env) out.add(env);
  }
  return out;
}

/**
 * Documents whose credentials have their own rules: kubeconfig files (kubeconfig-*), kubeadm
 * configuration (kubeadm-*), EncryptionConfiguration and other API server config files (enc-*,
 * admission-*).
 */
function ownRules(resource: ResourceNode): boolean {
  if (resource.kind === "Config" && resource.apiVersion === "v1") return true;
  if (resource.kind === "EncryptionConfig" || resource.kind === "EncryptionConfiguration") return true;
  const group = apiGroup(resource.apiVersion);
  return group === "kubeadm.k8s.io" || group === "apiserver.config.k8s.io" || group === "apiserver.k8s.io";
}

export default createRule({
  name: "secret-pattern-in-yaml",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow credentials written into manifests outside Secrets",
      severity: "high",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_SECRET_2", "CKV_SECRET_9", "CKV_SECRET_13"] },
    },
    messages: {
      format: "{{kind}} '{{name}}' {{path}} contains {{what}} (value not shown): anyone who can read this file or the object has it. Move it to a Secret, reference it, and rotate it.",
      key: "{{kind}} '{{name}}' {{path}} looks like a credential and has a literal value (value not shown): move it to a Secret and reference it.",
      embedded:
        "{{kind}} '{{name}}' {{path}}, line {{line}} of the value, sets {{what}} (value not shown): move the credential to a Secret and reference it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          sensitiveWords: { type: "array", items: { type: "string", pattern: "^[A-Za-z0-9]+$" }, uniqueItems: true, description: "Extra key words that mark a credential." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ sensitiveWords: [] }] as [{ sensitiveWords?: string[] }],
  create(context, [options]) {
    const extra = new Set((options.sensitiveWords ?? []).map((w) => w.toLowerCase()));
    const seen = new Set<YamlNode>();

    function scan(resource: ResourceNode | null, root: YamlNode, skip: Set<YamlNode>): void {
      const kind = resource?.kind ?? "Document";
      const name = resource?.name ?? "(unnamed)";
      const visit = (node: YamlNode | null, path: Path, key: string | null): void => {
        if (!node || skip.has(node) || seen.has(node)) return;
        seen.add(node);
        if (node.type === "Map") {
          for (const p of node.pairs) {
            const k = keyName(p);
            if (k === null || k === "<<") continue;
            visit(p.value, [...path, k], k);
          }
          paramPair(node, path);
        } else if (node.type === "Seq") {
          node.items.forEach((it, i) => visit(it, [...path, i], null));
        } else if (node.type === "Scalar") {
          scalar(node, path, key);
        }
      };
      const scalar = (s: ScalarNode, path: Path, key: string | null): void => {
        if (typeof s.value !== "string") return;
        const value = s.value;
        const data = { kind, name, path: pathText(path) };
        if (value.includes("\n")) {
          for (const f of scanText(value, extra)) {
            const at = literalLineRange(context.sourceCode, s, f);
            context.report({ node: at ?? s, messageId: "embedded", data: { ...data, line: f.line + 1, what: f.what } });
          }
          return;
        }
        const fmt = credentialFormat(value);
        if (fmt) context.report({ node: s, messageId: "format", data: { ...data, what: fmt } });
        else if (key !== null && literalCredential(key, value, extra)) context.report({ node: s, messageId: "key", data });
      };
      /** `{ name: db_password, value: <literal> }` parameter lists (Tekton, Argo, Helm `set`). */
      const paramPair = (m: MapNode, path: Path): void => {
        const n = scalarString(getPair(m, "name")?.value ?? null);
        const v = asScalar(getPair(m, "value")?.value ?? null);
        if (n === null || !v || typeof v.value !== "string" || v.value.includes("\n")) return;
        if (credentialFormat(v.value) || !literalCredential(n, v.value, extra)) return;
        context.report({ node: v, messageId: "key", data: { kind, name, path: `${pathText([...path, "value"])} (${n})` } });
      };
      visit(root, [], null);
    }

    return {
      Document(doc) {
        if (!doc.content) return;
        if (!doc.resources.length) {
          scan(null, doc.content, new Set());
          return;
        }
        for (const r of doc.resources) if (!ownRules(r)) scan(r, r.node, coveredNodes(r));
      },
    };
  },
});
