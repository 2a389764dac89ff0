/**
 * @fileoverview Shared helpers for the kubeconfig rules (catalog-config.md §1.11): which documents
 * are kubeconfigs (`apiVersion: v1`, `kind: Config` — admin.conf, kubelet.conf, webhook
 * kubeconfigs …) and their named `clusters` / `users` / `contexts` entries (client-go
 * `tools/clientcmd/api/v1/types.go`).
 */
import type { MapNode, PairNode, ResourceNode } from "../../src/language/ast.js";
import { asMap, getPair, getSeq, scalarString, seqItems } from "../../src/language/query.js";

export function isKubeconfig(r: ResourceNode): boolean {
  return r.kind === "Config" && r.apiVersion === "v1";
}

export interface NamedEntry {
  /** The list item (`- name: …` / `cluster:` …). */
  item: MapNode;
  name: string | null;
  /** The `cluster` / `user` / `context` mapping. */
  body: MapNode | null;
  bodyPair: PairNode | null;
}

const BODY: Record<string, string> = { clusters: "cluster", users: "user", contexts: "context" };

export function namedEntries(r: ResourceNode, list: "clusters" | "users" | "contexts"): NamedEntry[] {
  const out: NamedEntry[] = [];
  for (const it of seqItems(getSeq(r.node, list))) {
    const item = asMap(it);
    if (!item) continue;
    const bodyPair = getPair(item, BODY[list]!);
    out.push({ item, name: scalarString(getPair(item, "name")?.value ?? null), body: asMap(bodyPair?.value ?? null), bodyPair });
  }
  return out;
}

/** `'name'` for messages, or `(unnamed)`. */
export function label(e: NamedEntry): string {
  return e.name === null ? "(unnamed)" : `'${e.name}'`;
}
