/**
 * @fileoverview Snapshots: the small, structured-cloneable copy of an object that the
 * cross-document analysis keeps after a file's AST is dropped (DESIGN §9: files are parsed and
 * dropped one by one; only the small cross-document index is kept).
 *
 * A snapshot is a tree of plain objects: scalar values, mapping entries (with the key's range) and
 * sequence items, each with the byte range of its node in the file. Ranges, not line/column pairs:
 * positions are computed only for the few nodes a finding is reported on (src/crossdoc/run.ts).
 * Values that must never travel (Secret and ConfigMap data, literal env values, long annotation
 * values) are withheld: the entry is kept with its range and `x: 1`, the value is not.
 */
import type { MapNode, YamlNode } from "../language/ast.js";
import { NullRecord, deref, detach } from "../language/query.js";

export { detach };

export type Offsets = [number, number];

export interface Snap {
  /** The scalar value (absent for mappings, sequences and withheld values). */
  v?: string | number | boolean | null;
  /** Byte range of the node. */
  r: Offsets;
  /** Mapping entries (null-prototype object; keys in file order). */
  m?: Record<string, Snap>;
  /** Sequence items (null for an empty item). */
  s?: (Snap | null)[];
  /** Byte range of the key, for a mapping entry's value. */
  k?: Offsets;
  /** 1 when the value was withheld. */
  x?: 1;
  /**
   * For a withheld EncryptionConfiguration key `secret`: the first 16 hex digits of the SHA-256 of
   * the value, so two files can be compared (xf-encryption-config-divergent) without the value.
   */
  h?: string;
}

/**
 * What to keep below a path: `true` keeps the whole subtree, `false` drops it, "keys" keeps a
 * mapping's keys with withheld values, "short" keeps scalars up to 512 characters (longer ones
 * withheld), and an object gives a policy per child key (`"*"` for the other keys; the `"[]"` entry
 * is the policy for sequence items).
 */
export type Policy = boolean | "keys" | "short" | { [key: string]: Policy };

const LONG_SCALAR = 4096;
const SHORT_SCALAR = 512;

function scalarValue(v: unknown): string | number | boolean | null {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string") return detach(v);
  if (typeof v === "number" || typeof v === "boolean" || v === null) return v;
  return v === undefined ? null : String(v);
}

/** A snapshot of `node` under `policy` (null when the policy drops it). */
/** Nodes one object's snapshot may hold: aliases are followed, so an alias bomb must not expand. */
export const SNAPSHOT_NODE_BUDGET = 50_000;

export function snapshot(node: YamlNode | null, policy: Policy = true, depth = 0, budget: { left: number } = { left: SNAPSHOT_NODE_BUDGET }): Snap | null {
  return snap(node, policy, depth, budget, undefined);
}

/**
 * `snapshot`, with the key range `k` of a mapping entry's value written by the same object literal
 * (same key order as before: `k` last). Added afterwards, `k` went to a separate property store:
 * ~48 bytes more per entry, ~7 MB of the corpus run's facts.
 */
function snap(node: YamlNode | null, policy: Policy, depth: number, budget: { left: number }, k: Offsets | undefined): Snap | null {
  if (policy === false) return null;
  const n = deref(node);
  if (!n || depth > 64) return null;
  // Past the budget (e.g. "billion laughs" aliases): the rest is withheld, not expanded.
  if (--budget.left < 0) return k ? { r: [n.range[0], n.range[1]], x: 1, k } : { r: [n.range[0], n.range[1]], x: 1 };
  const r: Offsets = [n.range[0], n.range[1]];
  if (n.type === "Scalar") {
    const v = scalarValue(n.value);
    const limit = policy === "short" ? SHORT_SCALAR : LONG_SCALAR;
    if (policy === "keys" || (typeof v === "string" && v.length > limit)) return k ? { r, x: 1, k } : { r, x: 1 };
    return k ? { v, r, k } : { v, r };
  }
  if (n.type === "Map") return snapMap(n, policy, depth, budget, k);
  if (n.type === "Seq") {
    const itemPolicy = typeof policy === "object" ? (policy["[]"] ?? true) : policy;
    const s = n.items.map((item) => snap(item, itemPolicy, depth + 1, budget, undefined));
    return k ? { r, s, k } : { r, s };
  }
  return null;
}

function snapMap(n: MapNode, policy: Policy, depth: number, budget: { left: number }, k: Offsets | undefined): Snap {
  // Fast-mode records (`NullRecord`): `Object.create(null)` made every `m` a dictionary, 26 MB of
  // the corpus run's facts (heap snapshot); lookups answer the same.
  const m = new NullRecord() as Record<string, Snap>;
  for (const pair of n.pairs) {
    const key = deref(pair.key);
    if (!key || key.type !== "Scalar" || key.value === null) continue;
    const name = String(key.value);
    if (name === "<<") continue;
    const child: Policy = typeof policy === "object" ? (Object.hasOwn(policy, name) ? policy[name]! : (policy["*"] ?? false)) : policy === "keys" ? "keys" : policy;
    if (child === false) continue;
    const keyRange: Offsets = [key.range[0], key.range[1]];
    const value = pair.value ? snap(pair.value, child, depth + 1, budget, keyRange) : null;
    m[name] = value ?? { v: null, r: [key.range[1], key.range[1]], k: keyRange };
  }
  return k ? { r: [n.range[0], n.range[1]], m, k } : { r: [n.range[0], n.range[1]], m };
}

/** The child at `path` (mapping keys and sequence indexes). */
export function at(snap: Snap | null | undefined, ...path: (string | number)[]): Snap | null {
  let cur: Snap | null | undefined = snap;
  for (const seg of path) {
    if (!cur) return null;
    if (typeof seg === "number") cur = cur.s?.[seg] ?? null;
    else cur = cur.m && Object.hasOwn(cur.m, seg) ? cur.m[seg] : null;
  }
  return cur ?? null;
}

/** A scalar as a string (numbers and booleans as written by YAML), or null. */
export function str(snap: Snap | null | undefined): string | null {
  if (!snap || snap.v === undefined || snap.v === null) return null;
  return String(snap.v);
}

/** The key of a mapping entry as a node to report on (a block value's range runs to the next line). */
export function keyOf(snap: Snap | null | undefined): Snap | null {
  return snap?.k ? { r: snap.k } : (snap ?? null);
}

/** Sequence items (non-null). */
export function items(snap: Snap | null | undefined): Snap[] {
  return (snap?.s ?? []).filter((x): x is Snap => x !== null);
}

/** Mapping entries as [key, snap] pairs. */
export function entries(snap: Snap | null | undefined): [string, Snap][] {
  return snap?.m ? Object.entries(snap.m) : [];
}

/** A mapping of strings (labels, selectors); non-scalar values are skipped. */
export function stringRecord(snap: Snap | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries(snap)) {
    if (v.v !== undefined && v.v !== null) out[k] = String(v.v);
  }
  return out;
}

/** The plain value (withheld values are undefined). */
export function plain(snap: Snap | null | undefined): unknown {
  if (!snap) return undefined;
  if (snap.m) return Object.fromEntries(Object.entries(snap.m).map(([k, v]) => [k, plain(v)]));
  if (snap.s) return snap.s.map((x) => plain(x));
  return snap.x ? undefined : snap.v;
}
