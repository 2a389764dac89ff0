/**
 * @fileoverview Shared helpers for the host-namespace, volume, service-account and image rules
 * (research/catalog-workload.md §1D–§1G): Kubernetes version comparison, report anchors, volume
 * lookups, hostPath normalisation, image reference parsing and registry matching.
 */
import type { ContainerNode, MapNode, PairNode, PodSpecNode, ResourceNode, YamlNode } from "../language/ast.js";
import { asMap, asScalar, getMap, getPair, getString, keyName, scalarBool, scalarString, seqItems, getSeq } from "../language/query.js";
import { DEFAULT_KUBERNETES_VERSION, compareKubeVersions, parseKubeVersion, targetVersionOf, versionAtLeast } from "../k8s-version.js";

export { DEFAULT_KUBERNETES_VERSION, versionAtLeast };

/** `[major, minor]` of "1.35", "v1.35.2"; null when unparsable. */
export const parseKubernetesVersion = (v: string): [number, number] | null => parseKubeVersion(v);

/** The target Kubernetes version from the rule context's settings (default {@link DEFAULT_KUBERNETES_VERSION}). */
export const targetVersion = (settings: { kubeguard?: { kubernetesVersion?: unknown } }): [number, number] => targetVersionOf(settings);

/** Compare two `[major, minor]` versions: negative, 0 or positive. */
export const compareVersions = compareKubeVersions;

export function containerKindLabel(kind: ContainerNode["containerKind"]): string {
  return kind === "initContainer" ? "Init container" : kind === "ephemeralContainer" ? "Ephemeral container" : "Container";
}

export function containerName(c: ContainerNode): string {
  return c.name ?? `#${c.index}`;
}

/** Where a container-level "field missing" finding is reported: its `name` pair, else its first pair. */
export function containerAnchor(c: ContainerNode): { range: [number, number] } {
  return c.namePair ?? c.node.pairs[0] ?? c.node;
}

/** Where a pod-level "field missing" finding is reported: the first container list key, else the spec. */
export function podAnchor(podSpec: PodSpecNode): { range: [number, number] } {
  for (const key of ["containers", "initContainers", "ephemeralContainers"]) {
    const p = getPair(podSpec.node, key);
    if (p?.key) return p.key;
  }
  return podSpec;
}

/** The pair of a boolean pod-spec field when it is the YAML boolean `true` (quoted "true" is a string). */
export function podTrue(podSpec: PodSpecNode, key: string): PairNode | null {
  const p = getPair(podSpec.node, key);
  return p && scalarBool(p.value) === true ? p : null;
}

/** Every API volume source key (`VolumeSource` in core/v1). */
export const VOLUME_SOURCE_KEYS = new Set([
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi", "glusterfs",
  "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap",
  "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
  "ephemeral", "image",
]);

export interface Volume {
  node: MapNode;
  name: string | null;
  /** The volume source pairs written (normally exactly one). */
  sources: PairNode[];
}

/** The pod's `volumes`, with their source pairs. */
export function podVolumes(podSpec: PodSpecNode): Volume[] {
  const out: Volume[] = [];
  for (const item of seqItems(getSeq(podSpec.node, "volumes"))) {
    const m = asMap(item);
    if (!m) continue;
    const sources = m.pairs.filter((p) => {
      const k = keyName(p);
      return k !== null && VOLUME_SOURCE_KEYS.has(k);
    });
    out.push({ node: m, name: getString(m, "name"), sources });
  }
  return out;
}

export function volumeSource(v: Volume, key: string): PairNode | null {
  return v.sources.find((p) => keyName(p) === key) ?? null;
}

export interface VolumeMount {
  node: MapNode;
  name: string | null;
  container: ContainerNode;
}

export function volumeMounts(c: ContainerNode): VolumeMount[] {
  return seqItems(getSeq(c.node, "volumeMounts"))
    .map(asMap)
    .filter((m): m is MapNode => m !== null)
    .map((m) => ({ node: m, name: getString(m, "name"), container: c }));
}

/**
 * Normalise an absolute host path as the kernel resolves it lexically: collapse `//`, drop `.`,
 * resolve `..`, strip the trailing `/`, and read `/var/run` as `/run` (a symlink on every
 * current distribution).
 */
export function normaliseHostPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  let out = `/${parts.join("/")}`;
  if (out === "/var/run" || out.startsWith("/var/run/")) out = `/run${out.slice("/var/run".length)}`;
  return out;
}

/** Whether normalised `path` equals `dir` or lies under it (`/` matches only itself). */
export function isUnder(path: string, dir: string): boolean {
  if (dir === "/") return path === "/";
  return path === dir || path.startsWith(`${dir}/`);
}

/** Container runtime sockets (normalised; `/var/run` is read as `/run`). */
export const RUNTIME_SOCKETS = [
  "/run/docker.sock",
  "/run/dockershim.sock",
  "/run/cri-dockerd.sock",
  "/run/containerd/containerd.sock",
  "/run/k3s/containerd/containerd.sock",
  "/run/crio/crio.sock",
  "/run/podman/podman.sock",
];

/** Directories that hold a runtime socket or its state (mounting them exposes the socket). */
export const RUNTIME_DIRS = ["/run/docker", "/run/containerd", "/run/crio", "/run/podman", "/run/k3s/containerd"];

/**
 * The runtime socket a normalised host path exposes: the socket itself, a runtime directory (or a
 * path inside it), or an ancestor directory of a socket (`/run`, `/`). Null when none. (`/var`
 * does not count: its `run` entry is an absolute symlink that resolves inside the container.)
 */
export function exposedRuntimeSocket(path: string): string | null {
  const prefix = path === "/" ? "/" : `${path}/`;
  for (const s of RUNTIME_SOCKETS) if (path === s || s.startsWith(prefix)) return s;
  for (const d of RUNTIME_DIRS) if (isUnder(path, d)) return d;
  return null;
}

/** Labels of the pod template and of the resource itself. */
export function labelsOf(resource: ResourceNode, podSpec: PodSpecNode): { key: string; value: string; pair: PairNode }[] {
  const out: { key: string; value: string; pair: PairNode }[] = [];
  for (const meta of [podSpec.metadata, getMap(resource.node, "metadata")]) {
    const labels = getMap(meta, "labels");
    for (const p of labels?.pairs ?? []) {
      const k = keyName(p);
      const v = scalarString(p.value);
      if (k !== null && v !== null) out.push({ key: k, value: v, pair: p });
    }
  }
  return out;
}

/** A parsed container image reference (distribution/reference grammar). */
export interface ImageRef {
  /** Registry host as written (`docker.io` when the reference names none). */
  registry: string;
  /** Whether the reference spelled out a registry host. */
  explicitRegistry: boolean;
  /** Repository path without the registry. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/u;

/** Parse an image reference; null for empty strings and unrendered templates. */
export function parseImage(ref: string): ImageRef | null {
  const s = ref.trim();
  if (!s || /[{}$\s]/u.test(s)) return null;
  let rest = s;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) digest = null;
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  let tag: string | null = null;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.indexOf("/");
  const head = first === -1 ? "" : rest.slice(0, first);
  const explicitRegistry = head !== "" && (head.includes(".") || head.includes(":") || head === "localhost");
  const registry = explicitRegistry ? head.toLowerCase() : "docker.io";
  const host = registry === "index.docker.io" || registry === "registry-1.docker.io" ? "docker.io" : registry;
  let repository = explicitRegistry ? rest.slice(first + 1) : rest;
  if (host === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  return { registry: host, explicitRegistry, repository, tag: tag || null, digest };
}

/** The container's `image` pair and its string value, when written. */
export function imageOf(c: ContainerNode): { pair: PairNode; value: string; node: YamlNode } | null {
  const pair = getPair(c.node, "image");
  const value = scalarString(pair?.value ?? null);
  if (!pair?.value || value === null || !asScalar(pair.value)) return null;
  return { pair, value, node: pair.value };
}

/**
 * Whether an image matches a registry pattern: `host` (also `host:port`), `*.suffix` (any
 * subdomain), or `host/path` (a repository prefix at a `/` boundary). Matching is case-insensitive
 * on the host; `docker.io` matches references without a registry.
 */
export function registryMatches(img: ImageRef, pattern: string): boolean {
  const p = pattern.trim().replace(/\/+$/u, "");
  if (!p) return false;
  const slash = p.indexOf("/");
  const hostPat = (slash === -1 ? p : p.slice(0, slash)).toLowerCase();
  const pathPat = slash === -1 ? null : p.slice(slash + 1);
  const hostOk = hostPat.startsWith("*.") ? img.registry.endsWith(hostPat.slice(1)) : img.registry === hostPat;
  if (!hostOk) return false;
  if (pathPat === null) return true;
  return img.repository === pathPat || img.repository.startsWith(`${pathPat}/`);
}
