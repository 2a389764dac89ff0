/**
 * @fileoverview CustomResourceDefinition schemas: collected from CRD manifests in the linted file and
 * from the files/folders of `settings.kubeguard.crdSchemas`, and applied by a small interpreter of
 * the structural-schema subset Kubernetes uses (type, nullable, enum, required, properties,
 * additionalProperties, items, x-kubernetes-preserve-unknown-fields, x-kubernetes-int-or-string).
 * CRD schemas come from the input, so they are interpreted, never compiled to code; `pattern`
 * (regular expressions from the input: ReDoS), formats and CEL rules are not checked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import type { DocumentNode, MapNode } from "../language/ast.js";
import { buildResources } from "../language/k8s.js";
import { parseYaml } from "../language/parse.js";
import { asMap, getMap, getSeq, getString, seqItems, staticValue } from "../language/query.js";
import type { AjvError, RawResult } from "./core.js";

export type JsonSchema = Record<string, unknown>;

/** `group/version/Kind` → openAPIV3Schema (its plain value is computed on first use). */
export type CrdIndex = Map<string, LazySchema>;

export class LazySchema {
  #value: JsonSchema | null = null;
  constructor(private readonly node: MapNode) {}
  get value(): JsonSchema {
    this.#value ??= staticValue(this.node) as JsonSchema;
    return this.#value;
  }
}

export function crdKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** Add the schemas of the CRD documents among `documents` to `index`. */
export function collectCrds(documents: readonly DocumentNode[], index: CrdIndex): void {
  for (const doc of documents) {
    for (const r of doc.resources) {
      if (r.kind !== "CustomResourceDefinition" || !r.apiVersion?.startsWith("apiextensions.k8s.io/")) continue;
      const spec = getMap(r.node, "spec");
      const group = getString(spec, "group");
      const kind = getString(getMap(spec, "names"), "kind");
      if (!group || !kind) continue;
      // apiextensions.k8s.io/v1: spec.versions[].schema.openAPIV3Schema; v1beta1: spec.validation too.
      const shared = getMap(getMap(spec, "validation"), "openAPIV3Schema");
      for (const v of seqItems(getSeq(spec, "versions"))) {
        const vm = asMap(v);
        const name = getString(vm, "name");
        const schema = getMap(getMap(vm, "schema"), "openAPIV3Schema") ?? shared;
        if (!name || !schema) continue;
        index.set(crdKey(`${group}/${name}`, kind), new LazySchema(schema));
      }
      const version = getString(spec, "version");
      if (version && shared) index.set(crdKey(`${group}/${version}`, kind), new LazySchema(shared));
    }
  }
}

const fileCache = new Map<string, { mtimeMs: number; index: CrdIndex }>();

function filesOf(path: string, out: string[], depth = 0): void {
  if (!existsSync(path) || depth > 8) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const e of readdirSync(path).sort()) filesOf(join(path, e), out, depth + 1);
  } else if ([".yaml", ".yml", ".json"].includes(extname(path))) out.push(path);
}

/** The CRD schemas of the configured files and folders (read once per file and modification time). */
export function configuredCrds(paths: readonly string[], cwd: string): CrdIndex {
  const index: CrdIndex = new Map();
  const files: string[] = [];
  for (const p of paths) filesOf(resolve(cwd, p), files);
  for (const f of files) {
    const mtimeMs = statSync(f).mtimeMs;
    let hit = fileCache.get(f);
    if (!hit || hit.mtimeMs !== mtimeMs) {
      const own: CrdIndex = new Map();
      const { documents } = parseYaml(readFileSync(f, "utf8"));
      for (const d of documents) if (!d.errors.length) buildResources(d);
      collectCrds(documents, own);
      hit = { mtimeMs, index: own };
      fileCache.set(f, hit);
    }
    for (const [k, v] of hit.index) index.set(k, v);
  }
  return index;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function escapeSeg(s: string): string {
  return s.replace(/~/gu, "~0").replace(/\//gu, "~1");
}

export interface CrdValidateOptions {
  /**
   * The schema lost its `x-kubernetes-*` extensions (the `@kubernetes-models/*` packages'
   * crd-generate drops them): an object schema with no properties, or a root with only
   * apiVersion/kind/metadata, was `x-kubernetes-preserve-unknown-fields` and is free-form.
   */
  strippedExtensions?: boolean;
}

const TYPE_META = new Set(["apiVersion", "kind", "metadata"]);

/** Validate `data` against a CRD's structural schema. */
export function validateCrd(schema: JsonSchema, data: unknown, options: CrdValidateOptions = {}): RawResult {
  const errors: AjvError[] = [];
  const known: RawResult["known"] = [];
  const walk = (s: unknown, v: unknown, path: string, root: boolean, segs: string[] = []): void => {
    if (!isObject(s) || v === undefined) return;
    if (v === null) return; // null is "unset" for the API server's JSON decoding of optional fields
    if (s["x-kubernetes-int-or-string"] === true) {
      if (typeof v !== "string" && !(typeof v === "number" && Number.isInteger(v))) errors.push({ instancePath: path, keyword: "type", params: { type: "integer,string" } });
      return;
    }
    const type = s.type;
    const actual = typeOf(v);
    if (typeof type === "string" && type !== actual && !(type === "number" && actual === "integer")) {
      errors.push({ instancePath: path, keyword: "type", params: { type } });
      return;
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => e === v)) {
      errors.push({ instancePath: path, keyword: "enum", params: { allowedValues: s.enum } });
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(s.items, item, `${path}/${i}`, false, [...segs, String(i)]));
      return;
    }
    if (!isObject(v)) return;
    const props = isObject(s.properties) ? s.properties : null;
    if (Array.isArray(s.required)) {
      for (const r of s.required) if (typeof r === "string" && v[r] === undefined && !(root && (r === "metadata" || r === "apiVersion" || r === "kind"))) errors.push({ instancePath: path, keyword: "required", params: { missingProperty: r } });
    }
    const stripped = options.strippedExtensions === true && props !== null && Object.keys(props).every((k) => root && TYPE_META.has(k));
    const preserve = s["x-kubernetes-preserve-unknown-fields"] === true || stripped;
    if (props) {
      const names = new Set(Object.keys(props));
      if (root) for (const k of ["apiVersion", "kind", "metadata"]) names.add(k);
      if (!preserve && s.additionalProperties === undefined) known.push({ path: segs, names });
      for (const [k, sub] of Object.entries(props)) {
        if (root && k === "metadata") continue; // ObjectMeta is validated by the API server itself
        walk(sub, v[k], `${path}/${escapeSeg(k)}`, false, [...segs, k]);
      }
    } else if (isObject(s.additionalProperties)) {
      for (const [k, item] of Object.entries(v)) walk(s.additionalProperties, item, `${path}/${escapeSeg(k)}`, false, [...segs, k]);
    }
  };
  walk(schema, data, "", true);
  return { errors, known };
}
