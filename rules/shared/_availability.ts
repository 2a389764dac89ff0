/**
 * @fileoverview Availability helpers: PodDisruptionBudget / HorizontalPodAutoscaler recognition,
 * int-or-percent values, workload replicas and pod-template labels.
 */
import type { MapNode, PairNode, ResourceNode, ScalarNode } from "../../src/language/ast.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asScalar, getMap, getPair, stringMap } from "../../src/language/query.js";

export function isPdb(resource: ResourceNode): boolean {
  return resource.kind === "PodDisruptionBudget" && apiGroup(resource.apiVersion) === "policy";
}

export function isHpa(resource: ResourceNode): boolean {
  return resource.kind === "HorizontalPodAutoscaler" && apiGroup(resource.apiVersion) === "autoscaling";
}

const WORKLOAD_GROUPS: Record<string, string[]> = {
  Deployment: ["apps", "extensions"],
  StatefulSet: ["apps"],
  DaemonSet: ["apps", "extensions"],
  ReplicaSet: ["apps", "extensions"],
  ReplicationController: [""],
  Job: ["batch"],
};

/** A built-in workload of one of `kinds` (apps/extensions/batch/core group as applicable). */
export function isWorkload(resource: ResourceNode, kinds: readonly string[]): boolean {
  const k = resource.kind ?? "";
  return kinds.includes(k) && (WORKLOAD_GROUPS[k] ?? []).includes(apiGroup(resource.apiVersion));
}

export type IntOrPercent = { kind: "int"; value: number } | { kind: "percent"; value: number };

/** An int-or-string value: `1`, `"1"` is invalid for the API (a string must be a percentage). */
export function intOrPercent(node: ScalarNode | null): IntOrPercent | null {
  if (!node) return null;
  if (typeof node.value === "number" && Number.isInteger(node.value)) return { kind: "int", value: node.value };
  if (typeof node.value === "string") {
    const m = /^(\d+)%$/u.exec(node.value.trim());
    if (m) return { kind: "percent", value: Number(m[1]) };
  }
  return null;
}

export interface ScalarField {
  pair: PairNode;
  node: ScalarNode | null;
}

/** A scalar field of a map with its pair (null when absent). */
export function scalarField(map: MapNode | null, key: string): ScalarField | null {
  const pair = getPair(map, key);
  if (!pair) return null;
  return { pair, node: asScalar(pair.value) };
}

/** `spec.template.metadata.labels` of a workload. */
export function templateLabels(resource: ResourceNode): { map: MapNode | null; labels: Record<string, string> } {
  const map = getMap(getMap(getMap(getMap(resource.node, "spec"), "template"), "metadata"), "labels");
  return { map, labels: stringMap(map) };
}
