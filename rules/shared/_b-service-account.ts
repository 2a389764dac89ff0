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

/** The ServiceAccount objects in the file (core/v1). */
export function serviceAccountsIn(resources: ResourceNode[]): ResourceNode[] {
  return resources.filter((r) => r.kind === "ServiceAccount" && r.apiVersion === "v1");
}

/** The ServiceAccount object a pod spec refers to, when it is in the file. */
export function findServiceAccount(resources: ResourceNode[], podSpec: PodSpecNode, name: string): ResourceNode | null {
  return serviceAccountsIn(resources).find((r) => r.name === name && sameNamespace(r.namespace, podSpec.resource.namespace)) ?? null;
}

/** A ServiceAccount's `automountServiceAccountToken` (null when unset or not a boolean). */
export function serviceAccountAutomount(sa: ResourceNode): boolean | null {
  return scalarBool(getPair(sa.node, "automountServiceAccountToken")?.value ?? null);
}
