/**
 * @fileoverview The Kubernetes semantic view: Resources (with `kind: List` items), PodSpecs found
 * through the pod-template table (research/catalog-workload.md §0.2) and Containers with their
 * effective security context (pod-level values inherited where Kubernetes inherits them, §0.3;
 * defaults when absent, §0.4).
 */
import { link } from "./ast.js";
import type {
  ContainerKind,
  ContainerNode,
  DocumentNode,
  Effective,
  EffectiveSecurityContext,
  MapNode,
  PairNode,
  PodSpecNode,
  ResourceNode,
  YamlNode,
} from "./ast.js";
import { asMap, asScalar, get, getMap, getPair, getSeq, getString, keyName, scalarBool, scalarNumber, scalarString, seqItems, stringMap } from "./query.js";

type PathSeg = string | "*";

/** Kind → pod-spec paths (segments; `*` = every item of a sequence or every value of a map). */
const POD_SPEC_PATHS: Record<string, PathSeg[][]> = {
  Pod: [["spec"]],
  PodTemplate: [["template", "spec"]],
  ReplicationController: [["spec", "template", "spec"]],
  ReplicaSet: [["spec", "template", "spec"]],
  Deployment: [["spec", "template", "spec"]],
  StatefulSet: [["spec", "template", "spec"]],
  DaemonSet: [["spec", "template", "spec"]],
  Job: [["spec", "template", "spec"]],
  CronJob: [["spec", "jobTemplate", "spec", "template", "spec"]],
  DeploymentConfig: [["spec", "template", "spec"]],
  Rollout: [["spec", "template", "spec"]],
  CloneSet: [["spec", "template", "spec"]],
  ScaledJob: [["spec", "jobTargetRef", "template", "spec"]],
  TFJob: [["spec", "tfReplicaSpecs", "*", "template", "spec"]],
  PyTorchJob: [["spec", "pytorchReplicaSpecs", "*", "template", "spec"]],
  MPIJob: [["spec", "mpiReplicaSpecs", "*", "template", "spec"]],
  XGBoostJob: [["spec", "xgbReplicaSpecs", "*", "template", "spec"]],
  PaddleJob: [["spec", "paddleReplicaSpecs", "*", "template", "spec"]],
  RayCluster: [["spec", "headGroupSpec", "template", "spec"], ["spec", "workerGroupSpecs", "*", "template", "spec"]],
  JobSet: [["spec", "replicatedJobs", "*", "template", "spec", "template", "spec"]],
  SandboxTemplate: [["spec", "podTemplate", "spec"]],
};

/** Kinds whose `spec.template.spec` is a pod spec only in a given API group (Knative Service vs core Service). */
const GROUP_POD_SPEC_PATHS: Record<string, PathSeg[][]> = {
  "serving.knative.dev/Service": [["spec", "template", "spec"]],
  "serving.knative.dev/Configuration": [["spec", "template", "spec"]],
  "apps.kruise.io/StatefulSet": [["spec", "template", "spec"]],
  "apps.kruise.io/DaemonSet": [["spec", "template", "spec"]],
};

/** Core kinds that never carry a pod spec (so the CRD fallback never applies to them). */
const CORE_GROUPS = new Set(["", "v1", "apps", "batch", "rbac.authorization.k8s.io", "networking.k8s.io", "policy", "autoscaling", "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io"]);

export function apiGroup(apiVersion: string | null): string {
  if (!apiVersion) return "";
  const i = apiVersion.indexOf("/");
  return i === -1 ? "" : apiVersion.slice(0, i);
}

function podSpecPathsFor(apiVersion: string | null, kind: string): PathSeg[][] {
  const group = apiGroup(apiVersion);
  const byGroup = GROUP_POD_SPEC_PATHS[`${group}/${kind}`];
  if (byGroup) return byGroup;
  const known = POD_SPEC_PATHS[kind];
  if (known) {
    // `Rollout`, `CloneSet`, … are CRDs: only honour them in their own groups or unknown groups,
    // and never treat a core-group kind of the same name otherwise.
    return known;
  }
  if (!CORE_GROUPS.has(group)) return [["spec", "template", "spec"]];
  return [];
}

function resolvePaths(root: MapNode, path: PathSeg[]): { node: MapNode; path: (string | number)[]; metadata: MapNode | null }[] {
  let frontier: { node: YamlNode; path: (string | number)[] }[] = [{ node: root, path: [] }];
  for (const seg of path) {
    const next: { node: YamlNode; path: (string | number)[] }[] = [];
    for (const f of frontier) {
      if (seg === "*") {
        if (f.node.type === "Seq") {
          f.node.items.forEach((it, i) => {
            const m = asMap(it);
            if (m) next.push({ node: m, path: [...f.path, i] });
          });
        } else if (f.node.type === "Map") {
          for (const p of f.node.pairs) {
            const m = asMap(p.value);
            const k = keyName(p);
            if (m && k !== null) next.push({ node: m, path: [...f.path, k] });
          }
        }
      } else if (f.node.type === "Map") {
        const v = get(f.node, seg);
        if (v) next.push({ node: v, path: [...f.path, seg] });
      }
    }
    frontier = next;
  }
  const out: { node: MapNode; path: (string | number)[]; metadata: MapNode | null }[] = [];
  for (const f of frontier) {
    if (f.node.type !== "Map") continue;
    // The metadata sits next to the spec: replace the final `spec` with `metadata`.
    const parentPath = f.path.slice(0, -1);
    let parent: YamlNode | null = root;
    for (const seg of parentPath) {
      if (!parent) break;
      if (typeof seg === "number") parent = parent.type === "Seq" ? (parent.items[seg] ?? null) : null;
      else parent = parent.type === "Map" ? get(parent, seg) : null;
    }
    out.push({ node: f.node, path: f.path, metadata: getMap(asMap(parent), "metadata") });
  }
  return out;
}

function eff<T>(value: T, source: Effective<T>["source"], pair: PairNode | null): Effective<T> {
  return { value, source, pair, node: pair?.value ?? null };
}

/** A value that containers inherit from the pod's securityContext unless they set their own. */
function inherited<T>(containerSc: MapNode | null, podSc: MapNode | null, key: string, read: (n: YamlNode | null) => T | null): Effective<T | null> {
  const cp = getPair(containerSc, key);
  if (cp) {
    const v = read(cp.value);
    if (v !== null) return eff<T | null>(v, "container", cp);
  }
  const pp = getPair(podSc, key);
  if (pp) {
    const v = read(pp.value);
    if (v !== null) return eff<T | null>(v, "pod", pp);
  }
  return eff<T | null>(null, "default", null);
}

function own<T>(containerSc: MapNode | null, key: string, read: (n: YamlNode | null) => T | null, dflt: T): Effective<T> {
  const cp = getPair(containerSc, key);
  if (cp) {
    const v = read(cp.value);
    if (v !== null) return eff(v, "container", cp);
  }
  return eff(dflt, "default", null);
}

function nestedType(sc: MapNode | null, key: string): string | null {
  return getString(getMap(sc, key), "type");
}

function inheritedNestedType(containerSc: MapNode | null, podSc: MapNode | null, key: string): Effective<string | null> {
  const cm = getPair(containerSc, key);
  const ct = nestedType(containerSc, key);
  if (cm && ct !== null) return eff<string | null>(ct, "container", getPair(asMap(cm.value), "type"));
  const pm = getPair(podSc, key);
  const pt = nestedType(podSc, key);
  if (pm && pt !== null) return eff<string | null>(pt, "pod", getPair(asMap(pm.value), "type"));
  return eff<string | null>(null, "default", null);
}

function capabilities(sc: MapNode | null, list: "add" | "drop"): string[] {
  return seqItems(getSeq(getMap(sc, "capabilities"), list))
    .map((n) => scalarString(n))
    .filter((s): s is string => s !== null);
}

export function effectiveSecurityContext(containerSc: MapNode | null, podSc: MapNode | null): EffectiveSecurityContext {
  const seLinux = (() => {
    const c = getPair(containerSc, "seLinuxOptions");
    if (c && asMap(c.value)) return eff<Record<string, unknown> | null>(stringMap(asMap(c.value)), "container", c);
    const p = getPair(podSc, "seLinuxOptions");
    if (p && asMap(p.value)) return eff<Record<string, unknown> | null>(stringMap(asMap(p.value)), "pod", p);
    return eff<Record<string, unknown> | null>(null, "default", null);
  })();
  const hostProcess = (() => {
    const c = getPair(getMap(containerSc, "windowsOptions"), "hostProcess");
    if (c && scalarBool(c.value) !== null) return eff<boolean | null>(scalarBool(c.value), "container", c);
    const p = getPair(getMap(podSc, "windowsOptions"), "hostProcess");
    if (p && scalarBool(p.value) !== null) return eff<boolean | null>(scalarBool(p.value), "pod", p);
    return eff<boolean | null>(null, "default", null);
  })();
  return {
    privileged: own(containerSc, "privileged", scalarBool, false),
    allowPrivilegeEscalation: own<boolean | null>(containerSc, "allowPrivilegeEscalation", scalarBool, null),
    runAsNonRoot: inherited(containerSc, podSc, "runAsNonRoot", scalarBool),
    runAsUser: inherited(containerSc, podSc, "runAsUser", scalarNumber),
    runAsGroup: inherited(containerSc, podSc, "runAsGroup", scalarNumber),
    readOnlyRootFilesystem: own(containerSc, "readOnlyRootFilesystem", scalarBool, false),
    procMount: own<string | null>(containerSc, "procMount", scalarString, null),
    capabilitiesAdd: capabilities(containerSc, "add"),
    capabilitiesDrop: capabilities(containerSc, "drop"),
    seccompProfileType: inheritedNestedType(containerSc, podSc, "seccompProfile"),
    seLinuxOptions: seLinux,
    appArmorProfileType: inheritedNestedType(containerSc, podSc, "appArmorProfile"),
    windowsHostProcess: hostProcess,
  };
}

const CONTAINER_LISTS: [string, ContainerKind][] = [
  ["initContainers", "initContainer"],
  ["containers", "container"],
  ["ephemeralContainers", "ephemeralContainer"],
];

function buildPodSpec(resource: ResourceNode, spec: MapNode, path: (string | number)[], metadata: MapNode | null): PodSpecNode {
  const podSc = getMap(spec, "securityContext");
  const podSpec = link({
    type: "PodSpec",
    node: spec,
    path,
    metadata,
    securityContext: podSc,
    containers: [],
    range: spec.range,
  } as unknown as PodSpecNode, "resource", resource);
  for (const [listKey, containerKind] of CONTAINER_LISTS) {
    seqItems(getSeq(spec, listKey)).forEach((item, index) => {
      if (item.type !== "Map") return;
      const scPair = getPair(item, "securityContext");
      const sc = asMap(scPair?.value ?? null);
      const namePair = getPair(item, "name");
      const container = {
        type: "Container",
        node: item,
        containerKind,
        index,
        name: scalarString(namePair?.value ?? null),
        namePair,
        securityContext: sc,
        securityContextPair: scPair,
        effective: effectiveSecurityContext(sc, podSc),
        range: item.range,
      } as unknown as ContainerNode;
      link(container, "podSpec", podSpec);
      link(container, "resource", resource);
      podSpec.containers.push(container);
    });
  }
  return podSpec;
}

function makeResource(map: MapNode, document: DocumentNode, listIndex: number | null): ResourceNode | null {
  const apiVersion = getString(map, "apiVersion");
  const kind = getString(map, "kind");
  if (apiVersion === null || kind === null) return null;
  const metadata = getMap(map, "metadata");
  const resource = {
    type: "Resource",
    apiVersion,
    kind,
    name: getString(metadata, "name") ?? getString(metadata, "generateName"),
    namespace: getString(metadata, "namespace"),
    docIndex: document.index,
    node: map,
    listIndex,
    annotations: stringMap(getMap(metadata, "annotations")),
    podSpecs: [],
    flagSets: [],
    range: map.range,
  } as unknown as ResourceNode;
  link(resource, "document", document);
  const seen = new Set<MapNode>();
  for (const path of podSpecPathsFor(apiVersion, kind)) {
    for (const found of resolvePaths(map, path)) {
      if (seen.has(found.node)) continue;
      // The CRD fallback only counts when the map really looks like a pod spec.
      if (!POD_SPEC_PATHS[kind] && !getSeq(found.node, "containers")) continue;
      seen.add(found.node);
      resource.podSpecs.push(buildPodSpec(resource, found.node, found.path, found.metadata));
    }
  }
  return resource;
}

/** Fill `document.resources`: one Resource, or the items of a `kind: List` (`*List` kinds too). */
export function buildResources(document: DocumentNode): void {
  const root = asMap(document.content);
  if (!root) return;
  const kind = getString(root, "kind");
  const items = getSeq(root, "items");
  if (kind !== null && /List$/u.test(kind) && items) {
    seqItems(items).forEach((item, i) => {
      const m = asMap(item);
      const r = m ? makeResource(m, document, i) : null;
      if (r) document.resources.push(r);
    });
    return;
  }
  const r = makeResource(root, document, null);
  if (r) document.resources.push(r);
}

export { asScalar };
