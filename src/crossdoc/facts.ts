/**
 * @fileoverview Facts: what the cross-document analysis keeps of one file. Every Kubernetes object
 * becomes an `ObjectFact` (identity, where it is, a projected snapshot of its content — see
 * `policyFor`), every flag set of a static pod, kubeadm config or systemd unit becomes a
 * `FlagSetFact`, and the file's suppression directives are kept so findings made after the file
 * was dropped honour them (src/crossdoc/directives.ts). Built once per file and lint pass, in the
 * thread that parsed the file, whatever number of cross-document rules are on.
 */
import { createHash } from "node:crypto";
import type { FlagSetNode, ProgramNode, ResourceNode } from "../language/ast.js";
import type { K8sSourceCode } from "../language/source-code.js";
import { detach, snapshot, type Offsets, type Policy, type Snap } from "./snapshot.js";

export interface ObjectFact {
  /** Index of the object in its file's `objects`. */
  id: number;
  docIndex: number;
  /** Index in a `kind: List`'s items, or null. */
  listIndex: number | null;
  apiVersion: string | null;
  kind: string | null;
  name: string | null;
  /** `metadata.namespace` as written (null when absent). */
  namespace: string | null;
  /** The document came from `helm template` output (a `# Source:` comment): no namespace = the release namespace. */
  helmSource: string | null;
  /** Byte range of the object's mapping. */
  r: Offsets;
  /** The projected content (see `policyFor`). */
  snap: Snap;
  /** Pod templates: the path of each pod spec in the object (e.g. ["spec","template","spec"]). */
  podSpecPaths: (string | number)[][];
}

export interface FlagFact {
  name: string;
  value: string | null;
  /** Range of the whole flag token and of its value. */
  r: Offsets;
  vr: Offsets | null;
}

export interface FlagSetFact {
  component: string;
  carrier: string;
  /** The object that carries it (static pod, kubeadm config), or null (systemd unit). */
  objectId: number | null;
  /** The container's name, for static pods. */
  container: string | null;
  hasConfigFile: boolean;
  flags: FlagFact[];
  r: Offsets;
}

export interface DirectiveFact {
  type: "disable" | "enable" | "disable-line" | "disable-next-line";
  /** 1-based line and 0-based column of the directive's start; `endLine` of its end. */
  line: number;
  column: number;
  endLine: number;
  /** Qualified rule names (`kubeguard/<id>`), or null for every rule. */
  rules: string[] | null;
  justification: string;
}

export interface FileFacts {
  fileKind: "yaml" | "systemd" | "env";
  objects: ObjectFact[];
  flagSets: FlagSetFact[];
  directives: DirectiveFact[];
}

const SENSITIVE_KEY = /^(?:secret|token|password|passwd|client-key-data|client-key|certificateKey|key|privateKey|private-key|tokenFile|id-token|refresh-token|access-token)$/iu;

const META: Policy = { managedFields: false, ownerReferences: true, annotations: "short", labels: true, "*": "short" };
const CONTAINER: Policy = {
  name: true,
  image: true,
  ports: true,
  env: { "[]": { name: true, valueFrom: true, value: "keys" } },
  envFrom: true,
  volumeMounts: true,
  command: true,
  args: true,
  "*": false,
};
const POD_SPEC: Policy = {
  containers: { "[]": CONTAINER },
  initContainers: { "[]": CONTAINER },
  ephemeralContainers: { "[]": CONTAINER },
  "*": true,
};

/** What of an object the index keeps: everything but data values, secrets and big content. */
function policyFor(kind: string | null, podSpecPaths: (string | number)[][]): Policy {
  const base: Record<string, Policy> = { apiVersion: true, kind: true, metadata: META };
  switch (kind) {
    case "Secret":
      return { ...base, type: true, immutable: true, data: "keys", stringData: "keys" };
    case "ConfigMap":
      return { ...base, immutable: true, data: "keys", binaryData: "keys" };
    case "CustomResourceDefinition":
      return { ...base, spec: { group: true, names: true, scope: true, versions: { "[]": { name: true, served: true, storage: true } } } };
    case "Config":
      return { ...base, "*": true, users: { "[]": { name: true, user: "keys" } } };
    default:
      break;
  }
  const root: Record<string, Policy> = { ...base, "*": true };
  for (const path of podSpecPaths) {
    let node: Record<string, Policy> = root;
    path.forEach((seg, i) => {
      const key = String(seg);
      if (i === path.length - 1) {
        node[key] = POD_SPEC;
        return;
      }
      const existing = node[key];
      const next: Record<string, Policy> = typeof existing === "object" ? existing : { "*": true };
      node[key] = next;
      node = next;
    });
  }
  return root;
}

/** Withhold the values of keys that name credentials, wherever they are. */
function redact(snap: Snap): Snap {
  if (snap.m) {
    for (const [k, v] of Object.entries(snap.m)) {
      // Scalars only: `secret:` is also a volume source mapping (`secret: {secretName: …}`).
      if (SENSITIVE_KEY.test(k) && k !== "key" && v.v !== undefined) {
        // A digest of an encryption key's `secret` is kept to compare files (never the value).
        const h = k === "secret" && typeof v.v === "string" ? { h: createHash("sha256").update(v.v).digest("hex").slice(0, 16) } : {};
        snap.m[k] = { r: v.r, ...(v.k ? { k: v.k } : {}), x: 1, ...h };
      } else if (k === "key" && typeof v.v === "string" && v.v.length > 64) {
        snap.m[k] = { r: v.r, ...(v.k ? { k: v.k } : {}), x: 1 };
      } else redact(v);
    }
  } else if (snap.s) {
    for (const item of snap.s) if (item) redact(item);
  }
  return snap;
}

function objectFact(resource: ResourceNode, id: number): ObjectFact {
  const podSpecPaths = resource.podSpecs.map((p) => p.path.map((seg) => (typeof seg === "string" ? detach(seg) : seg)));
  const snap = redact(snapshot(resource.node, policyFor(resource.kind, podSpecPaths)) ?? { r: [resource.range[0], resource.range[1]] });
  return {
    id,
    docIndex: resource.docIndex,
    listIndex: resource.listIndex,
    // Kept to the end of the run: copies, not views of the file's text (see `detach`).
    apiVersion: detach(resource.apiVersion),
    kind: detach(resource.kind),
    name: detach(resource.name),
    namespace: detach(resource.namespace),
    helmSource: detach(resource.document.helmSource),
    r: [resource.range[0], resource.range[1]],
    snap,
    podSpecPaths,
  };
}

function flagSetFact(set: FlagSetNode, objectId: number | null): FlagSetFact {
  return {
    component: set.component,
    carrier: set.carrier,
    objectId,
    container: detach(set.containerNode?.name ?? null),
    hasConfigFile: set.hasConfigFile,
    flags: set.flags.map((f) => ({ name: detach(f.name), value: detach(f.value), r: [f.range[0], f.range[1]], vr: f.valueRange ? [f.valueRange[0], f.valueRange[1]] : null })),
    r: [set.range[0], set.range[1]],
  };
}

function directiveRules(value: string): string[] | null {
  const names = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!names.length) return null;
  return names.map((n) => (n.includes("/") ? n : `kubeguard/${n}`));
}

/** The facts of one parsed file. */
export function fileFacts(sourceCode: K8sSourceCode): FileFacts {
  const ast = sourceCode.ast as ProgramNode;
  const objects: ObjectFact[] = [];
  const flagSets: FlagSetFact[] = [];
  for (const doc of ast.body) {
    for (const resource of doc.resources) {
      const id = objects.length;
      objects.push(objectFact(resource, id));
      for (const set of resource.flagSets) flagSets.push(flagSetFact(set, id));
    }
  }
  if (ast.unit) for (const set of ast.unit.flagSets) flagSets.push(flagSetFact(set, null));
  const directives: DirectiveFact[] = [];
  for (const d of sourceCode.getDisableDirectives().directives) {
    const node = d.node as { range: [number, number]; loc?: { start: { line: number; column: number }; end: { line: number; column: number } } };
    const loc = node.loc ?? { start: sourceCode.getLocFromIndex(node.range[0]), end: sourceCode.getLocFromIndex(node.range[1]) };
    directives.push({
      type: d.type,
      line: loc.start.line,
      column: loc.start.column,
      endLine: loc.end.line,
      rules: directiveRules(d.value),
      justification: detach(d.justification),
    });
  }
  return { fileKind: ast.fileKind, objects, flagSets, directives };
}

const memo = new WeakMap<object, FileFacts>();

/** `fileFacts`, once per SourceCode (every cross-document rule of a lint pass shares it). */
export function factsOf(sourceCode: K8sSourceCode): FileFacts {
  let f = memo.get(sourceCode);
  if (!f) {
    f = fileFacts(sourceCode);
    memo.set(sourceCode, f);
  }
  return f;
}
