/**
 * @fileoverview Schema validation of Resources, shared by `schema-invalid`, `unknown-field` and
 * `yaml-1-1-ambiguous-value`: each resource is validated once (cached per Resource node), and every
 * error's instance path is mapped back to the AST node it is about.
 *
 * Core kinds: `kubernetes-models` validators (src/schema/core.ts), with the field names of
 * `settings.kubeguard.kubernetesVersion` (src/schema/versions.ts). CRDs: schemas from CRD manifests
 * in the same file or in `settings.kubeguard.crdSchemas` (src/schema/crd.ts), else the
 * `@kubernetes-models/*` CRD packages (src/schema/core.ts). Other kinds: skipped.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { MapNode, PairNode, ProgramNode, ResourceNode, ScalarNode, YamlNode } from "../language/ast.js";
import { asMap, asScalar, deref, getPair, keyName, staticValue } from "../language/query.js";
import { modelSchema, type AjvError, type RawResult } from "./core.js";
import { namesAt, snapshotFor } from "./versions.js";
import { parseKubeVersion, DEFAULT_KUBERNETES_VERSION } from "../k8s-version.js";
import { collectCrds, configuredCrds, crdKey, validateCrd, type CrdIndex } from "./crd.js";
import { editDistance } from "../util/edit-distance.js";

export { editDistance };

export interface SchemaSettings {
  /** Files or folders with CRD manifests whose schemas apply to every linted file. */
  crdSchemas?: string[];
  /** The linted file's name: kustomize patch files (`*patch*`) are partial objects. */
  filename?: string;
  /** `settings.kubeguard.kubernetesVersion` ("1.31"); default {@link DEFAULT_KUBERNETES_VERSION}. */
  kubernetesVersion?: string;
}

/** Whether a map somewhere uses a collection as a key: an unrendered `{{ template }}` read as YAML. */
function hasCollectionKey(node: YamlNode | null, depth = 0): boolean {
  if (!node || depth > 64) return false;
  if (node.type === "Map") {
    for (const p of node.pairs) {
      if (p.key && p.key.type !== "Scalar") return true;
      if (hasCollectionKey(p.value, depth + 1)) return true;
    }
  } else if (node.type === "Seq") {
    for (const it of node.items) if (hasCollectionKey(it, depth + 1)) return true;
  }
  return false;
}

const kustomizeDirs = new Map<string, boolean>();

/**
 * Whether a file is a partial object: a kustomize patch (`*patch*` file name) or a file next to a
 * kustomization, which may be a strategic-merge patch naming only what it changes.
 */
function isPartialFile(filename: string | undefined): boolean {
  if (!filename) return false;
  if (/patch/iu.test(filename.split(/[\\/]/u).pop() ?? "")) return true;
  const dir = dirname(filename);
  let hit = kustomizeDirs.get(dir);
  if (hit === undefined) {
    hit = ["kustomization.yaml", "kustomization.yml", "Kustomization"].some((f) => existsSync(join(dir, f)));
    kustomizeDirs.set(dir, hit);
  }
  return hit;
}

/**
 * Names the kubernetes-models validators never read although the API defines them (`description`
 * of printer columns and schemas, the `x-kubernetes-*` schema extensions), and strategic-merge /
 * kustomize directives (`$patch`, `$setElementOrder/…`, `$retainKeys`).
 */
function alwaysKnown(name: string): boolean {
  return name === "description" || name.startsWith("x-kubernetes-") || name.startsWith("$");
}

/** A schema error located in the AST. */
export interface LocatedError {
  error: AjvError;
  /** JSON-pointer segments of the instance path. */
  path: string[];
  /** The node the error is about (the value), or for a missing field the closest existing anchor. */
  node: YamlNode | PairNode;
  /** The value node at the path, when it exists (null for `required`). */
  value: YamlNode | null;
  /** Whether the error is a YAML-typing trap that `yaml-1-1-ambiguous-value` reports instead. */
  yamlTrap: boolean;
}

export interface UnknownField {
  pair: PairNode;
  key: ScalarNode;
  name: string;
  /** The map the pair is written in. */
  map: MapNode;
  /** The field names the schema defines at this place. */
  siblings: string[];
  path: string[];
  /** For a core field that exists in other Kubernetes versions only: the schema snapshots that have it. */
  otherVersions?: readonly string[];
}

export interface SchemaResult {
  /**
   * `core` (kubernetes-models), `package` (a `@kubernetes-models/*` CRD package) or `crd` (a
   * CustomResourceDefinition manifest of the run or of `settings.crdSchemas`).
   */
  source: "core" | "package" | "crd";
  /** The package the schema comes from (`kubernetes-models`, `@kubernetes-models/istio`, …), for `core`/`package`. */
  pkg?: string;
  /** The core schema snapshot (Kubernetes version) the field names follow. */
  snapshot: string;
  errors: LocatedError[];
  unknown: UnknownField[];
}

const resultCache = new WeakMap<ResourceNode, SchemaResult | null>();

/**
 * Raw validation results by schema and exact data, across files and lint runs of one process: an
 * editor re-linting a file after one keystroke re-validates only the object that changed, and a
 * run re-validates no object it has seen verbatim (golden files, repeated bundles). A raw result
 * holds instance paths and field names, never nodes, so it is the same for any text with this
 * data. Bounded (least recently used out first).
 */
const RAW_CACHE_PER_SCHEMA = 512;
const rawBySchemaObject = new WeakMap<object, Map<string, RawResult>>();
const rawBySchemaKey = new Map<string, Map<string, RawResult>>();

function memoRaw(schema: object | string, data: unknown, run: () => RawResult): RawResult {
  const dataKey = exactKey(data);
  if (dataKey === null) return run();
  let cache = typeof schema === "string" ? rawBySchemaKey.get(schema) : rawBySchemaObject.get(schema);
  if (!cache) {
    cache = new Map();
    if (typeof schema === "string") rawBySchemaKey.set(schema, cache);
    else rawBySchemaObject.set(schema, cache);
  }
  const hit = cache.get(dataKey);
  if (hit) {
    cache.delete(dataKey);
    cache.set(dataKey, hit);
    return hit;
  }
  const raw = run();
  if (cache.size >= RAW_CACHE_PER_SCHEMA) cache.delete(cache.keys().next().value!);
  cache.set(dataKey, raw);
  return raw;
}

/** Above this many values (aliases expand shared objects), a document is validated without memo. */
const KEY_VALUE_BUDGET = 20_000;

/**
 * A string that differs for any two data trees a validator could tell apart: JSON, with the values
 * JSON cannot carry (non-finite numbers, `undefined`, dates) tagged instead of collapsed. Null for
 * trees too big (alias expansion) or cyclic.
 */
function exactKey(data: unknown): string | null {
  let budget = KEY_VALUE_BUDGET;
  try {
    return JSON.stringify(data, function (this: Record<string, unknown>, key: string, value: unknown) {
      if (--budget < 0) throw new RangeError("budget");
      const original = this[key];
      if (original instanceof Date) return { "\u0000date": value };
      if (typeof value === "number" && !Number.isFinite(value)) return { "\u0000number": String(value) };
      if (value === undefined) return { "\u0000undefined": true };
      return value;
    });
  } catch {
    return null;
  }
}
const fileCrdCache = new WeakMap<ProgramNode, CrdIndex>();

function fileCrds(program: ProgramNode | null): CrdIndex {
  if (!program) return new Map();
  let idx = fileCrdCache.get(program);
  if (!idx) {
    idx = new Map();
    collectCrds(program.body, idx);
    fileCrdCache.set(program, idx);
  }
  return idx;
}

function decodeSeg(s: string): string {
  return s.replace(/~1/gu, "/").replace(/~0/gu, "~");
}

export function splitPointer(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(decodeSeg);
}

/** Walk JSON-pointer segments through the AST (aliases and merge keys followed). */
function locate(root: MapNode, path: string[]): { value: YamlNode | null; pair: PairNode | null; parent: YamlNode | null; depth: number; lastPair: PairNode | null; lastItem: YamlNode | null } {
  let cur: YamlNode | null = root;
  let pair: PairNode | null = null;
  let lastPair: PairNode | null = null;
  let lastItem: YamlNode | null = null;
  let parent: YamlNode | null = null;
  let depth = 0;
  for (const seg of path) {
    const n: YamlNode | null = deref(cur);
    if (!n) break;
    if (n.type === "Map") {
      const p = getPair(n, seg);
      if (!p) break;
      parent = n;
      pair = p;
      lastPair = p;
      lastItem = null;
      cur = p.value;
    } else if (n.type === "Seq") {
      const i = Number(seg);
      const it = Number.isInteger(i) ? (n.items[i] ?? null) : null;
      if (!it) break;
      parent = n;
      pair = null;
      lastItem = it;
      cur = it;
    } else break;
    depth++;
  }
  return { value: depth === path.length ? deref(cur) : null, pair, parent, depth, lastPair, lastItem };
}

/** The node to report for an error at `path`: the value, or where a missing field would go. */
function anchorFor(root: MapNode, path: string[], missing: boolean): { node: YamlNode | PairNode; value: YamlNode | null } {
  const loc = locate(root, path);
  if (!missing && loc.value && loc.depth === path.length) return { node: loc.value, value: loc.value };
  // Missing field (or a path the AST cannot follow): the closest existing parent. For a sequence
  // item, its first pair (`- name: …`); for a map value, the key that holds it.
  const obj = loc.depth === path.length ? loc.value : null;
  if (obj && loc.lastItem && deref(loc.lastItem) === obj) {
    const m = asMap(obj);
    if (m?.pairs[0]) return { node: m.pairs[0], value: null };
  }
  if (loc.lastPair?.key) return { node: loc.lastPair.key, value: null };
  const kindPair = getPair(root, "kind");
  return { node: kindPair?.key ?? root, value: null };
}

function isPlainTyped(node: YamlNode | null): node is ScalarNode {
  return node?.type === "Scalar" && node.style === "PLAIN" && node.tag === null && (typeof node.value === "boolean" || typeof node.value === "number" || typeof node.value === "bigint");
}

/** File-mode fields (volumes' `defaultMode`, items' `mode`). */
export function isModeField(path: readonly string[]): boolean {
  const last = path[path.length - 1];
  return last === "defaultMode" || last === "mode";
}

/**
 * Whether a schema error is a YAML typing trap owned by `yaml-1-1-ambiguous-value`: a plain
 * boolean/number where the schema wants a string, or a string where a file mode is expected.
 */
function isYamlTrap(error: AjvError, path: string[], value: YamlNode | null): boolean {
  if (error.keyword !== "type") return false;
  if (error.params.type === "string" && isPlainTyped(value)) return true;
  if (isModeField(path) && value?.type === "Scalar" && typeof value.value === "string") return true;
  return false;
}

/**
 * Validate a resource against its schema. Null when the kind has no schema (unknown CRDs) or the
 * document has YAML errors. Cached per resource.
 */
export function validateResource(resource: ResourceNode, program: ProgramNode | null, settings: SchemaSettings = {}, cwd = process.cwd()): SchemaResult | null {
  if (resultCache.has(resource)) return resultCache.get(resource)!;
  const result = compute(resource, program, settings, cwd);
  resultCache.set(resource, result);
  return result;
}

function compute(resource: ResourceNode, program: ProgramNode | null, settings: SchemaSettings, cwd: string): SchemaResult | null {
  if (resource.document.errors.length || !resource.apiVersion || !resource.kind) return null;
  const key = crdKey(resource.apiVersion, resource.kind);
  let raw: RawResult | null = null;
  let source: SchemaResult["source"] = "core";
  let pkg: string | undefined;
  const local = fileCrds(program).get(key);
  const configured = local ? undefined : settings.crdSchemas?.length ? configuredCrds(settings.crdSchemas, cwd).get(key) : undefined;
  const crd = local ?? configured;
  // An unrendered template (`name: {{ .Name }}` reads as a map with a map key) is not an object yet.
  if (hasCollectionKey(resource.node)) return null;
  const partial = isPartialFile(settings.filename);
  // A CRD's own openAPIV3Schema is not validated (see below): leave it out of the data, it is most
  // of the bytes of a CRD.
  const data = resource.kind === "CustomResourceDefinition" ? dataWithout(resource.node, "openAPIV3Schema") : staticValue(resource.node);
  if (crd) {
    raw = memoRaw(crd.value, data, () => validateCrd(crd.value, data));
    source = "crd";
  } else {
    const model = modelSchema(resource.apiVersion, resource.kind);
    if (!model) return null;
    raw = memoRaw(`${model.pkg}\u0000${key}`, data, () => model.run(data));
    pkg = model.pkg;
    if (pkg !== "kubernetes-models") source = "package";
  }
  const snapshot = snapshotFor(parseKubeVersion(settings.kubernetesVersion) ?? parseKubeVersion(DEFAULT_KUBERNETES_VERSION)!);
  const root = resource.node;
  const errors: LocatedError[] = [];
  const seen = new Set<string>();
  for (const e of raw.errors) {
    // One error per place: a float in an int32 field fails `type` and `format`; keep the first.
    if (partial && e.keyword === "required") continue; // a kustomize patch names only what it changes
    // JSONSchemaProps (CRD schemas) is incomplete in kubernetes-models (JSONSchemaPropsOrBool …).
    if (e.instancePath.includes("/openAPIV3Schema")) continue;
    const where = `${e.instancePath}\u0000${e.keyword === "required" ? String(e.params.missingProperty) : ""}`;
    if (seen.has(where)) continue;
    seen.add(where);
    const path = splitPointer(e.instancePath);
    const { node, value } = anchorFor(root, path, e.keyword === "required");
    // JSON null is "unset" for the API server's decoder (pointer and omitempty fields).
    if (e.keyword === "type" && asScalar(value)?.value === null) continue;
    errors.push({ error: e, path, node, value, yamlTrap: isYamlTrap(e, path, value) });
  }
  const unknown: UnknownField[] = [];
  for (const { path, names } of raw.known) {
    // JSONSchemaProps (CRD schemas) lacks several fields in kubernetes-models: not checked.
    if (path.includes("openAPIV3Schema")) continue;
    const loc = locate(root, path);
    const map = asMap(loc.value);
    if (!map || loc.depth !== path.length) continue;
    // Core kinds: the field names of the target Kubernetes version (src/schema/versions.ts).
    const versioned = source === "core" ? namesAt(names, snapshot) : { names, elsewhere: new Map<string, readonly string[]>() as ReadonlyMap<string, readonly string[]> };
    const siblings = [...versioned.names];
    for (const pair of map.pairs) {
      const name = keyName(pair);
      if (name === null || name === "<<" || versioned.names.has(name) || alwaysKnown(name) || pair.key?.type !== "Scalar") continue;
      const otherVersions = versioned.elsewhere.get(name);
      unknown.push({ pair, key: pair.key, name, map, siblings, path: [...path, name], ...(otherVersions ? { otherVersions } : {}) });
    }
  }
  return { source, ...(pkg ? { pkg } : {}), snapshot, errors, unknown };
}

/** Like `staticValue`, with the values of `pruned` keys replaced by empty objects. */
function dataWithout(node: YamlNode | null, pruned: string): unknown {
  if (!node) return null;
  if (node.type === "Alias") return staticValue(node);
  if (node.type === "Scalar") return staticValue(node);
  if (node.type === "Seq") return node.items.map((it) => dataWithout(it, pruned));
  const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const p of node.pairs) {
    const k = keyName(p);
    if (k === null) continue;
    if (k === "<<") return staticValue(node); // merge keys: the general (cached) path
    obj[k] = k === pruned ? {} : dataWithout(p.value, pruned);
  }
  return obj;
}

/** The kubeguard settings a schema rule reads (`settings.kubeguard.crdSchemas`). */
export function schemaSettings(settings: { kubeguard?: Record<string, unknown> } | undefined): SchemaSettings {
  const list = settings?.kubeguard?.crdSchemas;
  const version = settings?.kubeguard?.kubernetesVersion;
  const out: SchemaSettings = typeof version === "string" ? { kubernetesVersion: version } : {};
  if (Array.isArray(list)) out.crdSchemas = list.filter((s): s is string => typeof s === "string");
  else if (typeof list === "string") out.crdSchemas = [list];
  return out;
}


/**
 * Close candidates for a misspelled field among the schema's sibling names: a case-only difference
 * first (`runAsNonroot` → `runAsNonRoot`), else every name within an edit distance of
 * max(1, ⌊len/4⌋) (at most 3), nearest first.
 */
export function closeNames(name: string, siblings: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const caseOnly = siblings.filter((s) => s.toLowerCase() === lower);
  if (caseOnly.length) return caseOnly;
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  return siblings
    .map((s) => ({ s, d: editDistance(lower, s.toLowerCase()) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || a.s.localeCompare(b.s))
    .map((c) => c.s);
}
