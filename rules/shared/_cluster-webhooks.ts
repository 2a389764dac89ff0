/**
 * @fileoverview Admission webhook configuration helpers: the webhooks of a
 * Validating/MutatingWebhookConfiguration with their name and map.
 */
import type { MapNode, PairNode, ResourceNode } from "../../src/language/ast.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, getPair, getSeq, getString, seqItems } from "../../src/language/query.js";

export interface Webhook {
  index: number;
  node: MapNode;
  name: string;
  namePair: PairNode | null;
}

export function isWebhookConfiguration(resource: ResourceNode): boolean {
  return (resource.kind === "ValidatingWebhookConfiguration" || resource.kind === "MutatingWebhookConfiguration") && apiGroup(resource.apiVersion) === "admissionregistration.k8s.io";
}

export function webhooksOf(resource: ResourceNode): Webhook[] {
  const out: Webhook[] = [];
  seqItems(getSeq(resource.node, "webhooks")).forEach((item, index) => {
    const m = asMap(item);
    if (m) out.push({ index, node: m, name: getString(m, "name") ?? `#${index}`, namePair: getPair(m, "name") });
  });
  return out;
}
