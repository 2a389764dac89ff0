/**
 * @fileoverview Read helpers over the kubeguard AST: key lookup (following aliases and merge keys
 * the way the API server's YAML reader does), static values, and YAML 1.1 truthiness.
 */
import type { MapNode, PairNode, ScalarNode, SeqNode, YamlNode } from "./ast.js";

/**
 * `s` as a string that keeps no larger string alive, for strings kept after the file is linted
 * (facts, messages). V8 makes a substring of 13 or more characters a view of its parent, and a
 * concatenation a tree of its parts: every scalar value the parser gives is a view of the whole
 * file's text, so one kept value (a resource name, a key of a message's key path) kept the whole
 * text alive to the end of the run (heap snapshot of the corpus: ~36 MB of file texts held by the
 * cross-document facts alone). A property key is V8's internalized (flat, shared) copy of the
 * string: equal strings kept from many files (messages, names) become one. Shorter strings are
 * never views (V8 copies them).
 */
export function detach<T extends string | null | undefined>(s: T): T {
  if (typeof s !== "string" || s.length < 13) return s;
  for (const key in { [s]: 0 }) return key as T;
  return s;
}

/** Follow an alias to the node it refers to (one level is enough: anchors point at real nodes). */
export function deref(node: YamlNode | null | undefined): YamlNode | null {
  let n = node ?? null;
  let guard = 0;
  while (n && n.type === "Alias" && guard++ < 64) n = n.target;
  return n;
}

export function isMap(node: YamlNode | null | undefined): node is MapNode {
  return deref(node)?.type === "Map";
}

export function asMap(node: YamlNode | null | undefined): MapNode | null {
  const n = deref(node);
  return n && n.type === "Map" ? n : null;
}

export function asSeq(node: YamlNode | null | undefined): SeqNode | null {
  const n = deref(node);
  return n && n.type === "Seq" ? n : null;
}

export function asScalar(node: YamlNode | null | undefined): ScalarNode | null {
  const n = deref(node);
  return n && n.type === "Scalar" ? n : null;
}

/** The key of a pair as a string (scalar keys only). */
export function keyName(pair: PairNode): string | null {
  const k = asScalar(pair.key);
  if (!k) return null;
  return k.value === null ? "" : String(k.value);
}

/**
 * Find a key's pair in a map. The last occurrence wins (duplicate keys are reported by
 * `valid-yaml`). Keys brought in by a `<<` merge key are found too; explicit keys win over merged ones.
 */
export function getPair(map: MapNode | null | undefined, key: string): PairNode | null {
  if (!map) return null;
  let found: PairNode | null = null;
  let hasMerge = false;
  for (const p of map.pairs) {
    const k = keyName(p);
    if (k === key) found = p;
    else if (k === "<<") hasMerge = true;
  }
  if (found || !hasMerge) return found;
  for (const p of map.pairs) {
    if (keyName(p) !== "<<") continue;
    const v = deref(p.value);
    const sources = v?.type === "Seq" ? v.items : [v];
    for (const s of sources) {
      const m = asMap(s);
      const hit = m ? getPair(m, key) : null;
      if (hit) return hit;
    }
  }
  return null;
}

/** Whether the pair was found through a merge key or alias rather than written in `map` itself. */
export function isOwnPair(map: MapNode, pair: PairNode): boolean {
  return map.pairs.includes(pair);
}

export function get(map: MapNode | null | undefined, key: string): YamlNode | null {
  return deref(getPair(map, key)?.value ?? null);
}

export function getMap(map: MapNode | null | undefined, key: string): MapNode | null {
  return asMap(get(map, key));
}

export function getSeq(map: MapNode | null | undefined, key: string): SeqNode | null {
  return asSeq(get(map, key));
}

export function getIn(node: YamlNode | null | undefined, path: readonly (string | number)[]): YamlNode | null {
  let cur = deref(node);
  for (const seg of path) {
    if (!cur) return null;
    if (typeof seg === "number") {
      if (cur.type !== "Seq") return null;
      cur = deref(cur.items[seg] ?? null);
    } else {
      if (cur.type !== "Map") return null;
      cur = get(cur, seg);
    }
  }
  return cur;
}

/** A scalar's value as the string the API server would see, or null for non-scalars. */
export function scalarString(node: YamlNode | null | undefined): string | null {
  const s = asScalar(node);
  if (!s || s.value === null) return null;
  return String(s.value);
}

export function getString(map: MapNode | null | undefined, key: string): string | null {
  return scalarString(get(map, key));
}

/**
 * A boolean as the API server reads it: YAML 1.1 booleans (`true`, `yes`, `on`, …) are already
 * resolved by the parser. A quoted `"true"` is a string and would be rejected by the API server
 * for a boolean field; kubeguard returns null for it (not a boolean).
 */
export function scalarBool(node: YamlNode | null | undefined): boolean | null {
  const s = asScalar(node);
  if (!s) return null;
  return typeof s.value === "boolean" ? s.value : null;
}

export function getBool(map: MapNode | null | undefined, key: string): boolean | null {
  return scalarBool(get(map, key));
}

export function scalarNumber(node: YamlNode | null | undefined): number | null {
  const s = asScalar(node);
  if (!s) return null;
  if (typeof s.value === "number") return s.value;
  if (typeof s.value === "bigint") return Number(s.value);
  return null;
}

export function getNumber(map: MapNode | null | undefined, key: string): number | null {
  return scalarNumber(get(map, key));
}

/**
 * Records with no inherited keys, like `Object.create(null)`, but built by a constructor: V8 keeps
 * `Object.create(null)` objects in dictionary mode (~300 bytes for five keys), instances of a
 * constructor whose prototype is empty and has no prototype itself stay in fast mode and answer
 * every lookup the same way (`in`, `Object.hasOwn`, `Object.keys`, JSON).
 */
export const NullRecord = function NullRecord(this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
NullRecord.prototype = Object.create(null) as object;

const staticCache = new WeakMap<object, unknown>();

/**
 * The plain JS value of a node (computed once per node and cached). Aliases resolve to the same
 * object (no alias-bomb blow-up), merge keys are applied, collection keys are skipped.
 */
export function staticValue(node: YamlNode | null | undefined): unknown {
  const n = deref(node);
  if (!n) return null;
  if (n.type === "Scalar") return typeof n.value === "bigint" ? Number(n.value) : n.value;
  const cached = staticCache.get(n);
  if (cached !== undefined) return cached;
  if (n.type === "Seq") {
    const arr: unknown[] = [];
    staticCache.set(n, arr);
    for (const it of n.items) arr.push(staticValue(it));
    return arr;
  }
  if (n.type === "Map") {
    const obj: Record<string, unknown> = new NullRecord();
    staticCache.set(n, obj);
    const merges: YamlNode[] = [];
    for (const p of n.pairs) {
      const k = keyName(p);
      if (k === null) continue;
      if (k === "<<") {
        const v = deref(p.value);
        if (v?.type === "Seq") merges.push(...(v.items.filter(Boolean) as YamlNode[]));
        else if (v) merges.push(v);
        continue;
      }
      obj[k] = staticValue(p.value);
    }
    for (const m of merges) {
      const mv = staticValue(m);
      if (mv && typeof mv === "object" && !Array.isArray(mv)) {
        for (const [k, v] of Object.entries(mv)) if (!(k in obj)) obj[k] = v;
      }
    }
    return obj;
  }
  return null;
}

/** Plain string map (e.g. labels, annotations); non-string values are stringified as the API would reject them. */
export function stringMap(map: MapNode | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!map) return out;
  for (const p of map.pairs) {
    const k = keyName(p);
    if (k === null) continue;
    const v = scalarString(p.value);
    if (v !== null) out[k] = v;
  }
  return out;
}

/** Items of a sequence, dereferenced, skipping nulls. */
export function seqItems(seq: SeqNode | null | undefined): YamlNode[] {
  if (!seq) return [];
  const out: YamlNode[] = [];
  for (const it of seq.items) {
    const d = deref(it);
    if (d) out.push(d);
  }
  return out;
}
