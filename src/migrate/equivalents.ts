/**
 * @fileoverview Peer check id → kubeguard rule ids, from each rule's `meta.docs.equivalents`. Used by
 * `kubeguard migrate`, the migration docs, and the language to honour other tools' suppression
 * annotations (src/language/source-code.ts). Imports only the rule registry (no cycle with the
 * language: rules import the language's types only).
 */
import { rules } from "../../rules/index.js";
import type { K8sRuleDefinition, RuleEquivalents } from "../rule.js";

export type PeerTool = keyof RuleEquivalents;

const indexCache = new Map<string, Map<string, string[]>>();

export function normalisePeerId(tool: PeerTool, id: string): string {
  const t = id.trim();
  return tool === "checkov" ? t.toUpperCase() : tool === "polaris" ? t : t.toLowerCase();
}

/** Peer check id (normalised: Checkov upper-case, Polaris as written, others lower-case) → rule ids. */
export function equivalentsIndex(tool: PeerTool): Map<string, string[]> {
  let index = indexCache.get(tool);
  if (index) return index;
  index = new Map();
  const all = (Object.values(rules) as K8sRuleDefinition[]).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const rule of all) {
    for (const peer of rule.meta.docs.equivalents?.[tool] ?? []) {
      const key = normalisePeerId(tool, peer);
      const list = index.get(key) ?? [];
      if (!list.includes(rule.name)) list.push(rule.name);
      index.set(key, list);
    }
  }
  indexCache.set(tool, index);
  return index;
}

/** The kubeguard rules equivalent to a peer check id (empty when none). */
export function rulesFor(tool: PeerTool, id: string): string[] {
  return equivalentsIndex(tool).get(normalisePeerId(tool, id)) ?? [];
}

/** Every kubeguard rule with at least one equivalent in the tool. */
export function rulesWithEquivalents(tool: PeerTool): string[] {
  return [...new Set([...equivalentsIndex(tool).values()].flat())].sort();
}
