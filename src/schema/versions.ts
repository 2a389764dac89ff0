/**
 * @fileoverview Version-aware field names for the core API. The runtime validators are one
 * kubernetes-models release (Kubernetes {@link RUNTIME_SNAPSHOT}); src/schema/version-delta.ts,
 * generated from real kubernetes-models releases for other Kubernetes versions, says which object
 * fields exist only in some versions. For `settings.kubernetesVersion` the nearest snapshot at or
 * above it is used (so a field that existed in the target version is never reported), or the
 * newest snapshot for a target above all of them.
 */
import { compareKubeVersions, parseKubeVersion, type KubeVersion } from "../k8s-version.js";
import { RUNTIME_SNAPSHOT, SNAPSHOTS, VERSION_DELTA } from "./version-delta.js";

export { RUNTIME_SNAPSHOT, SNAPSHOTS };

type Entry = (typeof VERSION_DELTA)[string];
/** Delta entries by their number of 1.33 fields (most objects match no size or fail at the first name). */
let bySize: Map<number, { fields: string[]; entry: Entry }[]> | null = null;

function lookup(names: Set<string>): Entry | null {
  if (!bySize) {
    bySize = new Map();
    for (const [sig, entry] of Object.entries(VERSION_DELTA)) {
      const fields = sig.split(",");
      const list = bySize.get(fields.length) ?? [];
      list.push({ fields, entry });
      bySize.set(fields.length, list);
    }
  }
  for (const c of bySize.get(names.size) ?? []) if (c.fields.every((f) => names.has(f))) return c.entry;
  return null;
}

/** The schema snapshot used for a target Kubernetes version. */
export function snapshotFor(target: KubeVersion): string {
  const parsed = SNAPSHOTS.map((s) => ({ s, v: parseKubeVersion(s)! })).sort((a, b) => compareKubeVersions(a.v, b.v));
  const atOrAbove = parsed.find((p) => compareKubeVersions(p.v, target) >= 0);
  return (atOrAbove ?? parsed[parsed.length - 1]!).s;
}

const NONE: ReadonlyMap<string, readonly string[]> = new Map();

export interface VersionedNames {
  names: Set<string>;
  /** Fields of this object that exist in other snapshots only: field → those snapshots. */
  elsewhere: ReadonlyMap<string, readonly string[]>;
}

/**
 * The field names an object has in `snapshot`, from the names the runtime validator read there.
 * Unchanged when the object's definition is not in the delta table or the snapshot lacks the
 * definition altogether.
 */
export function namesAt(names: Set<string>, snapshot: string): VersionedNames {
  const none = { names, elsewhere: NONE };
  const entry = lookup(names);
  if (!entry) return none;
  const [, defined, present] = entry;
  if (!defined.includes(snapshot)) return none;
  // The names of a matched definition are its signature: the answer depends on entry and snapshot.
  const key = `${snapshot}\u0000${entry[0][0]!}`;
  const hit = computed.get(key);
  if (hit) return hit;
  const out = new Set(names);
  const elsewhere = new Map<string, readonly string[]>();
  for (const [field, where] of Object.entries(present)) {
    if (where.includes(snapshot)) out.add(field);
    else {
      out.delete(field);
      elsewhere.set(field, where);
    }
  }
  const result = { names: out, elsewhere };
  computed.set(key, result);
  return result;
}

/** Shared answers (callers only read them). */
const computed = new Map<string, VersionedNames>();
