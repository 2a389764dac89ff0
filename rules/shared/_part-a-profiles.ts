/**
 * @fileoverview Shared logic for the seccomp and AppArmor profile rules (catalog-workload.md §1C):
 * reading `seccompProfile` / `appArmorProfile` at pod and container level, the legacy annotations,
 * and the fixes that convert an annotation into the field.
 */
import type { ContainerNode, MapNode, PairNode, PodSpecNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { renderString, setIn } from "../../src/fix/index.js";
import { getMap, getPair, getString } from "../../src/language/query.js";
import type { RuleTextEdit } from "../../src/rule.js";
import { mergeEdits, removePairOrParent } from "./_part-a.js";

/** The profile types PSS accepts for both seccomp (≥ v1.19) and AppArmor fields. */
export const ALLOWED_PROFILE_TYPES = new Set(["RuntimeDefault", "Localhost"]);

export const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/** The `type` pair of `<sc>.<field>` (seccompProfile / appArmorProfile) and its string value. */
export function profileType(sc: MapNode | null, field: "seccompProfile" | "appArmorProfile"): { pair: PairNode; value: string } | null {
  const profile = getMap(sc, field);
  const pair = getPair(profile, "type");
  if (!pair) return null;
  return { pair, value: getString(profile, "type") ?? "" };
}

/** A profile written as `{type, localhostProfile?}` from a legacy annotation value; null when unknown. */
export function profileFromAnnotation(value: string, kind: "seccomp" | "apparmor"): { type: string; localhostProfile?: string } | null {
  if (value === "runtime/default" || (kind === "seccomp" && value === "docker/default")) return { type: "RuntimeDefault" };
  if (value === "unconfined") return { type: "Unconfined" };
  if (value.startsWith("localhost/") && value.length > "localhost/".length) return { type: "Localhost", localhostProfile: value.slice("localhost/".length) };
  return null;
}

/**
 * Edits that move an annotation into the field: write `<target>.securityContext.<field>` and remove
 * the annotation pair (or the `annotations` key when it is the last one). Null when either edit bails.
 */
export function annotationToFieldEdits(
  sourceCode: K8sSourceCode,
  podSpec: PodSpecNode,
  target: MapNode,
  field: "seccompProfile" | "appArmorProfile",
  profile: { type: string; localhostProfile?: string } | null,
  annotation: PairNode,
): RuleTextEdit[] | null {
  const remove = removeAnnotation(sourceCode, podSpec, annotation);
  if (!profile) return remove;
  const write =
    profile.localhostProfile !== undefined
      ? setIn(sourceCode, target, ["securityContext"], field, `{type: Localhost, localhostProfile: ${renderString(profile.localhostProfile)}}`)
      : setIn(sourceCode, target, ["securityContext", field], "type", profile.type);
  return mergeEdits(remove, write);
}

export function removeAnnotation(sourceCode: K8sSourceCode, podSpec: PodSpecNode, annotation: PairNode): RuleTextEdit[] | null {
  const metadata = podSpec.metadata;
  const annotationsPair = getPair(metadata, "annotations");
  const annotations = getMap(metadata, "annotations");
  if (!metadata || !annotations || !annotationsPair) return null;
  return removePairOrParent(sourceCode, annotations, annotation, metadata, annotationsPair);
}

/** The container a `container.*.kubernetes.io/<name>` annotation names, if any. */
export function containerNamed(podSpec: PodSpecNode, name: string): ContainerNode | null {
  return podSpec.containers.find((c) => c.name === name) ?? null;
}
