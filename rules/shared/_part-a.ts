/**
 * @fileoverview Shared helpers for the pod/container security rules of catalog-workload.md §1A–§1C:
 * the Kubernetes version of the target cluster (`settings.kubeguard.kubernetesVersion`, default
 * 1.34) and version comparison, the PSS exemptions (Windows pods, `hostUsers: false`), report
 * anchors, container labels, pod-template annotations and a few edit helpers.
 * Files starting with `_` are not rules (the registry generator skips them).
 */
import type { ContainerNode, MapNode, PairNode, PodSpecNode, Range, SeqNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { canEdit, lineStartOf, removePair } from "../../src/fix/index.js";
import { asMap, asScalar, getBool, getMap, getPair, getString, keyName, scalarString } from "../../src/language/query.js";
import type { RuleTextEdit } from "../../src/rule.js";
import { kindLabel } from "../privileged-container.js";

import { DEFAULT_KUBERNETES_VERSION, compareKubeVersions, parseKubeVersion, targetVersionOf, versionAtLeast } from "../../src/k8s-version.js";

export { DEFAULT_KUBERNETES_VERSION, compareKubeVersions, parseKubeVersion };

/** The target Kubernetes version of a lint run (settings.kubeguard.kubernetesVersion, default 1.34). */
export const targetVersion = (context: { settings: { kubeguard?: { kubernetesVersion?: string } } }): [number, number] => targetVersionOf(context.settings);

/** Whether the version `v` is at least `major.minor`. */
export const atLeast = versionAtLeast;

/** `spec.os.name: windows`. */
export function isWindowsPod(podSpec: PodSpecNode): boolean {
  return getString(getMap(podSpec.node, "os"), "name") === "windows";
}

/** PSS exempts Windows pods (`spec.os.name: windows`) from some restricted controls from policy v1.25. */
export function pssWindowsExempt(podSpec: PodSpecNode, version: [number, number]): boolean {
  return isWindowsPod(podSpec) && atLeast(version, 1, 25);
}

/** PSS relaxes the root and /proc checks for user-namespace pods (`hostUsers: false`) from policy v1.35. */
export function pssUserNamespaceRelaxed(podSpec: PodSpecNode, version: [number, number]): boolean {
  return getBool(podSpec.node, "hostUsers") === false && atLeast(version, 1, 35);
}

/** "Container 'web'", "Init container 'migrate'", "Ephemeral container '#0'". */
export function containerLabel(c: ContainerNode): string {
  return `${kindLabel(c.containerKind)} '${c.name ?? `#${c.index}`}'`;
}

/** Lower-case label for lists: "container 'a'". */
export function containerLabelLower(c: ContainerNode): string {
  return `${kindLabel(c.containerKind).toLowerCase()} '${c.name ?? `#${c.index}`}'`;
}

/** "container 'a'", "container 'a' and init container 'b'", "a, b and c". */
export function joinLabels(labels: string[]): string {
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** Where a container-level "field missing" finding is reported: the `name` pair, else the first pair. */
export function containerAnchor(c: ContainerNode): { range: Range } {
  return c.namePair ?? c.node.pairs[0] ?? c.node;
}

/** Where a pod-level finding is reported: the pod's `securityContext` key, else the first container list key. */
export function podAnchor(podSpec: PodSpecNode): { range: Range } {
  for (const key of ["securityContext", "containers", "initContainers", "ephemeralContainers"]) {
    const p = getPair(podSpec.node, key);
    if (p?.key) return p.key;
  }
  return podSpec;
}

/** The annotations map of the pod template (or the Pod's own metadata). */
export function podAnnotations(podSpec: PodSpecNode): MapNode | null {
  return getMap(podSpec.metadata, "annotations");
}

/** Annotation pairs of the pod template whose key satisfies `match`. */
export function annotationPairs(podSpec: PodSpecNode, match: (key: string) => boolean): { key: string; value: string; pair: PairNode }[] {
  const out: { key: string; value: string; pair: PairNode }[] = [];
  const ann = podAnnotations(podSpec);
  if (!ann) return out;
  for (const p of ann.pairs) {
    const k = keyName(p);
    if (k === null || !match(k)) continue;
    out.push({ key: k, value: scalarString(p.value) ?? "", pair: p });
  }
  return out;
}

/** The scalar string values of a sequence with their nodes. */
export function stringItems(seq: SeqNode | null): { value: string; node: YamlNode }[] {
  const out: { value: string; node: YamlNode }[] = [];
  if (!seq) return out;
  for (const it of seq.items) {
    const s = asScalar(it);
    if (s && s.value !== null) out.push({ value: String(s.value), node: it ?? s });
  }
  return out;
}

/** `securityContext.<key>` pair of a container or pod securityContext map, when its value is a map. */
export function nestedMapPair(sc: MapNode | null, key: string): { pair: PairNode; map: MapNode } | null {
  const pair = getPair(sc, key);
  const map = asMap(pair?.value ?? null);
  return pair && map ? { pair, map } : null;
}

/**
 * Remove `pair` from its block map; when it is the map's only pair, remove the parent pair instead
 * (e.g. the last annotation: remove `annotations:`), as long as the parent map keeps another pair.
 */
export function removePairOrParent(sourceCode: K8sSourceCode, map: MapNode, pair: PairNode, parentMap: MapNode | null, parentPair: PairNode | null): RuleTextEdit[] | null {
  if (map.pairs.length >= 2) return removePair(sourceCode, map, pair);
  if (parentMap && parentPair && map.pairs.length === 1 && map.pairs[0] === pair) return removePair(sourceCode, parentMap, parentPair);
  return null;
}

/** Replace the whole text of a node (scalar or flow collection). */
export function replaceRange(sourceCode: K8sSourceCode, range: Range, text: string): RuleTextEdit[] | null {
  if (!canEdit(sourceCode, range[0], range[1])) return null;
  return [{ range: [range[0], range[1]], text }];
}

/** Merge edit lists; null when any part bailed out. */
export function mergeEdits(...parts: (RuleTextEdit[] | null)[]): RuleTextEdit[] | null {
  const out: RuleTextEdit[] = [];
  for (const p of parts) {
    if (!p) return null;
    out.push(...p);
  }
  // Overlapping edits cannot be applied together.
  const sorted = [...out].sort((a, b) => a.range[0] - b.range[0]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.range[0] < sorted[i - 1]!.range[1]) return null;
  return out;
}

/** Whether a block-sequence item starts its own line (`- item`), so that its line can be removed. */
export function ownLine(sourceCode: K8sSourceCode, node: YamlNode): boolean {
  const text = sourceCode.text;
  const dash = text.lastIndexOf("-", node.range[0] - 1);
  return dash >= 0 && text.slice(lineStartOf(text, dash), dash).trim() === "";
}
