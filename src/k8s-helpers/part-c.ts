/**
 * @fileoverview Shared helpers for the resource, probe, environment, placement and §3 gap rules
 * (research/catalog-workload.md §1H–§1J, §3): Kubernetes version gates, container labels, report
 * anchors, workload classification.
 */
import type { ContainerNode, MapNode, PairNode, PodSpecNode, ResourceNode, SeqNode, YamlNode } from "../language/ast.js";
import type { K8sSourceCode } from "../language/source-code.js";
import { getMap, getPair, getString } from "../language/query.js";
import { canEdit, lineEndAfter, lineStartOf } from "../fix/index.js";
import type { RuleTextEdit } from "../rule.js";

import { DEFAULT_KUBERNETES_VERSION, parseKubeVersion, targetVersionOf, versionAtLeast } from "../k8s-version.js";

export { DEFAULT_KUBERNETES_VERSION, versionAtLeast };

/** `[major, minor]` of "1.35", "v1.35.2"; null when unparsable. */
export const parseKubernetesVersion = (v: string): [number, number] | null => parseKubeVersion(v);

/** The target Kubernetes version from settings (default {@link DEFAULT_KUBERNETES_VERSION}). */
export const targetVersion = (settings: { kubeguard?: { kubernetesVersion?: string } }): [number, number] => targetVersionOf(settings);

/** "Container 'web'", "Init container 'setup'", "Ephemeral container '#0'". */
export function containerLabel(c: ContainerNode): string {
  const kind = c.containerKind === "initContainer" ? "Init container" : c.containerKind === "ephemeralContainer" ? "Ephemeral container" : "Container";
  return `${kind} '${c.name ?? `#${c.index}`}'`;
}

/** Where a "field missing" finding on a container is reported: its `name` pair, else its first pair. */
export function containerAnchor(c: ContainerNode): { range: [number, number] } {
  return c.namePair ?? c.node.pairs[0] ?? c.node;
}

/** Where a pod-level finding is reported when no specific key exists: the first container-list key. */
export function podAnchor(podSpec: PodSpecNode): { range: [number, number] } {
  for (const key of ["containers", "initContainers", "ephemeralContainers"]) {
    const p = getPair(podSpec.node, key);
    if (p?.key) return p.key;
  }
  return podSpec.node.pairs[0]?.key ?? podSpec;
}

/** The key node of a pair (for reports that point at a key rather than the whole pair). */
export function keyOf(pair: PairNode): { range: [number, number] } {
  return pair.key ?? pair;
}

const BATCH_KINDS = new Set(["Job", "CronJob", "ScaledJob", "JobSet", "TFJob", "PyTorchJob", "MPIJob", "XGBoostJob", "PaddleJob"]);

/**
 * Whether the pod template runs to completion (batch): Job-like kinds, and Pods/PodTemplates whose
 * `restartPolicy` is `Never` or `OnFailure`. Liveness/readiness probes have no purpose there.
 */
export function isRunToCompletion(podSpec: PodSpecNode): boolean {
  const kind = podSpec.resource.kind ?? "";
  if (BATCH_KINDS.has(kind)) return true;
  const rp = getString(podSpec.node, "restartPolicy");
  return rp === "Never" || rp === "OnFailure";
}

/** Whether the pod runs on Windows (`spec.os.name: windows`). */
export function isWindowsPod(podSpec: PodSpecNode): boolean {
  return getString(getMap(podSpec.node, "os"), "name") === "windows";
}

/** A long-running container whose probes matter: a regular container, or a native sidecar (init container with `restartPolicy: Always`). */
export function isLongRunningContainer(c: ContainerNode): boolean {
  if (c.containerKind === "container") return true;
  return c.containerKind === "initContainer" && getString(c.node, "restartPolicy") === "Always";
}

export type { ContainerNode, MapNode, PairNode, PodSpecNode, ResourceNode };

/**
 * Remove one item of a block sequence: its whole lines, from the `-` line to the line where the item
 * ends. Bails out (null) for flow sequences, a `-` that shares its line with other text, tabs,
 * aliases, documents with YAML errors, or the only item of the sequence.
 */
export function removeSeqItem(sourceCode: K8sSourceCode, seq: SeqNode, item: YamlNode): RuleTextEdit[] | null {
  const text = sourceCode.text;
  if (seq.flow || seq.items.length < 2 || !seq.items.includes(item)) return null;
  if (!canEdit(sourceCode, seq.range[0], seq.range[1])) return null;
  const dashAt = text.lastIndexOf("-", item.range[0] - 1);
  if (dashAt < seq.range[0]) return null;
  const start = lineStartOf(text, dashAt);
  if (text.slice(start, dashAt).trim() !== "") return null;
  let end = lineEndAfter(text, item.range[1]);
  if (text[end] === "\r" && text[end + 1] === "\n") end += 2;
  else if (text[end] === "\n" || text[end] === "\r") end += 1;
  return [{ range: [start, end], text: "" }];
}
