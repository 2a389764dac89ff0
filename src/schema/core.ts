/**
 * @fileoverview Core Kubernetes schemas from the `kubernetes-models` package (4.x: Kubernetes 1.33
 * API, plus the removed beta versions it still ships). The package ships ajv *standalone*
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

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type StandaloneValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** What a schema validation found, in instance paths (JSON pointers). */
export interface RawResult {
  errors: AjvError[];
  /** Objects (by path segments) whose field names the schema defines, with those names. */
  known: { path: string[]; names: Set<string> }[];
}

const require = createRequire(import.meta.url);
let packageDir: string | null | undefined;

function modelsDir(): string | null {
  if (packageDir === undefined) {
    try {
      packageDir = dirname(require.resolve("kubernetes-models"));
    } catch {
      packageDir = null;
    }
  }
  return packageDir;
}

const validators = new Map<string, StandaloneValidator | null>();
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
    found = loadValidator(apiVersion, kind);
  } catch {
    found = null;
  }
  validators.set(key, found);
  return found;
}

function loadValidator(apiVersion: string, kind: string): StandaloneValidator | null {
  const dir = modelsDir();
  if (!dir || !SAFE_KIND.test(kind) || kind.endsWith("List")) return null;
  const slash = apiVersion.indexOf("/");
  const group = slash === -1 ? "" : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  if (!SAFE_VERSION.test(version) || (group !== "" && (!SAFE_GROUP.test(group) || group.includes("..")))) return null;
  const classFile = group === "" ? join(dir, version, `${kind}.js`) : join(dir, group, version, `${kind}.js`);
  if (!existsSync(classFile)) return null;
  const text = readFileSync(classFile, "utf8");
  // Only top-level kinds set `<Class>.kind="<Kind>"` (PodSpec, Container … are not kinds).
  if (!text.includes(`.kind="${kind}"`)) return null;
  const m = /require\("((?:\.\.\/)+_schemas\/[A-Za-z0-9]+\.js)"\)/u.exec(text);
  if (!m) return null;
  const mod = require(join(dirname(classFile), m[1]!)) as { validate?: StandaloneValidator };
  return typeof mod.validate === "function" ? mod.validate : null;
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
