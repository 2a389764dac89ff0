/**
 * @fileoverview Core Kubernetes schemas from the `kubernetes-models` package (4.x: Kubernetes 1.33
 * API, plus the removed beta versions it still ships; field names of other versions: versions.ts),
 * and custom-resource schemas from the `@kubernetes-models/*` packages ({@link CRD_PACKAGES}). The package ships ajv *standalone*
 * validators (precompiled JavaScript in `_schemas/*.js`, pure functions over plain data); they are
 * required lazily, once per kind, the first time a resource of that kind is validated. Nothing from
 * the linted input is ever evaluated: kind and apiVersion only select a file, after a strict
 * character check.
 *
 * The validators do not check unknown properties (Kubernetes schemas never set
 * `additionalProperties: false`). They do read every property their schema defines (`data.<name>`)
 * and enumerate the keys of map-typed objects, so `validateCore` runs them over a recording proxy of
 * the data: the properties read at each object path are the schema's field names there, and an
 * object the validator enumerated (labels, ConfigMap data) or did not look into (free-form
 * objects) has no unknown fields.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { validateCrd } from "./crd.js";

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type StandaloneValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** What a schema validation found, in instance paths (JSON pointers). */
export interface RawResult {
  errors: AjvError[];
  /** Objects (by path segments) whose field names the schema defines, with those names. */
  known: { path: string[]; names: Set<string> }[];
}

const require = createRequire(import.meta.url);
const packageDirs = new Map<string, string | null>();

/** The folder of an installed package (found the way `require` would, without loading it). */
function packageDir(name: string): string | null {
  let dir = packageDirs.get(name);
  if (dir === undefined) {
    dir = null;
    for (const base of require.resolve.paths(name) ?? []) {
      if (existsSync(join(base, name, "package.json"))) {
        dir = join(base, name);
        break;
      }
    }
    packageDirs.set(name, dir);
  }
  return dir;
}

/**
 * Custom-resource models of the `@kubernetes-models/*` packages that install on Node 20 (their
 * newer majors need Node 22; see docs/schema-findings.md for the versions and what each covers).
 * `standalone`: precompiled ajv validators like kubernetes-models 4.x; `literal`: the module holds
 * the CRD's JSON schema as a literal, which is parsed as JSON and interpreted by src/schema/crd.ts.
 */
export const CRD_PACKAGES: readonly { name: string; layout: "standalone" | "literal" }[] = [
  { name: "@kubernetes-models/cert-manager", layout: "standalone" },
  { name: "@kubernetes-models/keda", layout: "standalone" },
  { name: "@kubernetes-models/argo-rollouts", layout: "literal" },
  { name: "@kubernetes-models/istio", layout: "literal" },
];

/** A loaded schema: how to run it, and where it comes from. */
export interface ModelSchema {
  /** `kubernetes-models` (core API) or the `@kubernetes-models/*` package name. */
  pkg: string;
  run: (data: unknown) => RawResult;
}

const validators = new Map<string, StandaloneValidator | null>();
const models = new Map<string, ModelSchema | null>();
const SAFE_KIND = /^[A-Z][A-Za-z0-9]{0,80}$/u;
const SAFE_GROUP = /^[a-z0-9][a-z0-9.-]{0,120}$/u;
const SAFE_VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/u;

/**
 * The validator for a core apiVersion/kind, or null when kubernetes-models does not know it
 * (CRDs, made-up kinds, `List`). Loaded on first use and cached, including misses.
 */
export function coreValidator(apiVersion: string, kind: string): StandaloneValidator | null {
  const key = `${apiVersion}\u0000${kind}`;
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  let found: StandaloneValidator | null = null;
  try {
    const dir = packageDir("kubernetes-models");
    const file = dir ? classFile(dir, apiVersion, kind) : null;
    found = file ? loadStandalone(file.path, file.text, kind) : null;
  } catch {
    found = null;
  }
  validators.set(key, found);
  return found;
}

/**
 * The schema of an apiVersion/kind: core kinds from kubernetes-models, custom resources from the
 * CRD packages ({@link CRD_PACKAGES}); null when none knows it. Loaded lazily, once per kind.
 */
export function modelSchema(apiVersion: string, kind: string): ModelSchema | null {
  const core = coreValidator(apiVersion, kind);
  if (core) return { pkg: "kubernetes-models", run: (data) => runRecorded(core, data) };
  const key = `${apiVersion}\u0000${kind}`;
  const cached = models.get(key);
  if (cached !== undefined) return cached;
  let found: ModelSchema | null = null;
  try {
    found = loadPackageSchema(apiVersion, kind);
  } catch {
    found = null;
  }
  models.set(key, found);
  return found;
}

function loadPackageSchema(apiVersion: string, kind: string): ModelSchema | null {
  if (!apiVersion.includes("/")) return null; // custom resources always have a group
  const group = apiVersion.slice(0, apiVersion.indexOf("/"));
  for (const { name, layout } of CRD_PACKAGES) {
    const dir = packageDir(name);
    if (!dir || !existsSync(join(dir, group))) continue;
    const file = classFile(dir, apiVersion, kind);
    if (!file) continue;
    if (layout === "standalone") {
      const validate = loadStandalone(file.path, file.text, kind);
      if (validate) return { pkg: name, run: (data) => runRecorded(validate, data) };
    } else if (file.text.includes(`.kind = "${kind}"`)) {
      const schema = schemaLiteral(file.text);
      // crd-generate drops the `x-kubernetes-*` extensions: read empty objects as free-form.
      if (schema) return { pkg: name, run: (data) => validateCrd(schema, data, { strippedExtensions: true }) };
    }
  }
  return null;
}

/** The model module of apiVersion/kind in a kubernetes-models style package, after strict checks. */
function classFile(dir: string, apiVersion: string, kind: string): { path: string; text: string } | null {
  if (!SAFE_KIND.test(kind) || kind.endsWith("List")) return null;
  const slash = apiVersion.indexOf("/");
  const group = slash === -1 ? "" : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  if (!SAFE_VERSION.test(version) || (group !== "" && (!SAFE_GROUP.test(group) || group.includes("..")))) return null;
  const path = group === "" ? join(dir, version, `${kind}.js`) : join(dir, group, version, `${kind}.js`);
  if (!existsSync(path)) return null;
  return { path, text: readFileSync(path, "utf8") };
}

function loadStandalone(path: string, text: string, kind: string): StandaloneValidator | null {
  // Only top-level kinds set `<Class>.kind="<Kind>"` (PodSpec, Container … are not kinds).
  if (!text.includes(`.kind="${kind}"`)) return null;
  const m = /require\("((?:\.\.\/)+_schemas\/[A-Za-z0-9]+\.js)"\)/u.exec(text);
  if (!m) return null;
  const mod = require(join(dirname(path), m[1]!)) as { validate?: StandaloneValidator };
  return typeof mod.validate === "function" ? mod.validate : null;
}

/**
 * The JSON schema literal of an older kubernetes-models module (`const schema = {…};`, pretty
 * printed JSON that the package hands to ajv at run time): parsed as JSON, never evaluated.
 */
export function schemaLiteral(text: string): Record<string, unknown> | null {
  const start = text.indexOf("\nconst schema = {");
  if (start === -1) return null;
  const open = text.indexOf("{", start);
  const end = text.indexOf("\n};\n", open);
  if (end === -1) return null;
  try {
    const v = JSON.parse(text.slice(open, end + 2)) as unknown;
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

interface ReadRecord {
  segs: string[];
  isArray: boolean;
  keys: Set<string>;
  enumerated: boolean;
}

function escapeSeg(s: string): string {
  return s.includes("~") || s.includes("/") ? s.replace(/~/gu, "~0").replace(/\//gu, "~1") : s;
}

/** Run a standalone validator over `data` (a plain value tree), recording property reads. */
export function runRecorded(validate: StandaloneValidator, data: unknown): RawResult {
  const records: ReadRecord[] = [];
  // One proxy per place (not per object): an alias shares one object between two places.
  const proxies = new Map<string, unknown>();
  const wrap = (value: unknown, path: string, segs: string[]): unknown => {
    if (value === null || typeof value !== "object") return value;
    const existing = proxies.get(path);
    if (existing) return existing;
    const rec: ReadRecord = { segs, isArray: Array.isArray(value), keys: new Set(), enumerated: false };
    records.push(rec);
    const proxy = new Proxy(value as object, {
      get(target, prop) {
        const v = (target as Record<string | symbol, unknown>)[prop];
        if (typeof prop !== "string") return v;
        rec.keys.add(prop);
        // Most reads are of absent fields: build the child path only for objects.
        if (v === null || typeof v !== "object") return v;
        return wrap(v, `${path}/${escapeSeg(prop)}`, [...segs, prop]);
      },
      has(target, prop) {
        if (typeof prop === "string") rec.keys.add(prop);
        return Reflect.has(target, prop);
      },
      ownKeys(target) {
        rec.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(path, proxy);
    return proxy;
  };
  validate(wrap(data, "", []));
  const errors = validate.errors ? [...validate.errors] : [];
  const known: RawResult["known"] = [];
  for (const rec of records) {
    if (rec.isArray || rec.enumerated || rec.keys.size === 0) continue;
    known.push({ path: rec.segs, names: rec.keys });
  }
  return { errors, known };
}
