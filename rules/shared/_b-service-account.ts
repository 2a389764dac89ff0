/**
 * @fileoverview Service-account lookups shared by the §1F rules: the effective service account of a
 * pod spec and the ServiceAccount objects in the same file.
 */
import type { PairNode, PodSpecNode, ResourceNode } from "../../src/language/ast.js";
import { getPair, scalarBool, scalarString } from "../../src/language/query.js";

export interface EffectiveServiceAccount {
  name: string;
  /** The pair that names it (`serviceAccountName`, else the deprecated `serviceAccount`), null when defaulted. */
  pair: PairNode | null;
}

/** `serviceAccountName`, else the deprecated `serviceAccount`, else `default` (empty strings count as unset). */
export function effectiveServiceAccount(podSpec: PodSpecNode): EffectiveServiceAccount {
  for (const key of ["serviceAccountName", "serviceAccount"]) {
    const pair = getPair(podSpec.node, key);
    const name = scalarString(pair?.value ?? null);
    if (pair && name) return { name, pair };
  }
  return { name: "default", pair: getPair(podSpec.node, "serviceAccountName") ?? getPair(podSpec.node, "serviceAccount") };
}

function sameNamespace(a: string | null, b: string | null): boolean {
  // A missing namespace is filled in at apply time: it cannot contradict a written one.
  return a === null || b === null || a === b;
}

/**
 * The ServiceAccount objects of a resource list, in file order, and the same grouped by name.
 * Computed once per list (`sourceCode.resources` is one frozen array per file): rules ask per pod,
 * and filtering every resource of the file per pod made a big multi-document stream quadratic.
 */
const saIndex = new WeakMap<ResourceNode[], { all: ResourceNode[]; byName: Map<string | null, ResourceNode[]> }>();
function indexOf(resources: ResourceNode[]): { all: ResourceNode[]; byName: Map<string | null, ResourceNode[]> } {
  let index = saIndex.get(resources);
  if (!index) {
    const all = resources.filter((r) => r.kind === "ServiceAccount" && r.apiVersion === "v1");
    const byName = new Map<string | null, ResourceNode[]>();
    for (const r of all) {
      const list = byName.get(r.name);
      if (list) list.push(r);
      else byName.set(r.name, [r]);
    }
    index = { all, byName };
    // Only a frozen list cannot change behind the cache.
    if (Object.isFrozen(resources)) saIndex.set(resources, index);
  }
  return index;
}

/** The ServiceAccount objects in the file (core/v1). */
export function serviceAccountsIn(resources: ResourceNode[]): ResourceNode[] {
  return indexOf(resources).all.slice();
}

/** The ServiceAccount object a pod spec refers to, when it is in the file (the first in file order). */
export function findServiceAccount(resources: ResourceNode[], podSpec: PodSpecNode, name: string): ResourceNode | null {
  return indexOf(resources).byName.get(name)?.find((r) => sameNamespace(r.namespace, podSpec.resource.namespace)) ?? null;
}

/** A ServiceAccount's `automountServiceAccountToken` (null when unset or not a boolean). */
export function serviceAccountAutomount(sa: ResourceNode): boolean | null {
  return scalarBool(getPair(sa.node, "automountServiceAccountToken")?.value ?? null);
}
