/**
 * @fileoverview Shared helpers for the cross-document network and reference rules
 * (research/catalog-cluster.md §1 E, F, H, K): NetworkPolicy views (Kubernetes and Cilium), Service
 * lookups and label postings, Service ports, pod-template container ports, objects that create
 * Secrets, and the small per-run maps ("which namespaces hold Services / pods / Secrets") that the
 * rules use to degrade gracefully when the other object may live in-cluster.
 *
 * Everything here is built once per rule run from `ObjectIndex` lookups by kind (linear in the
 * number of objects); lookups afterwards are by namespace, name or label posting.
 */
import { dirname } from "node:path";
import { apiGroup } from "../../src/language/k8s.js";
import { at, items, readSelector, selectorMatches, str, stringRecord, type Obj, type ObjectIndex, type PodTemplate, type Selector, type Snap } from "../../src/crossdoc/index.js";

export type Direction = "Ingress" | "Egress";

/** A value written with unrendered template placeholders (`{{ }}`, `${ }`, `$(VAR)`, `__NAME__`) cannot be matched. */
export function templated(value: string | null | undefined): boolean {
  return typeof value === "string" && (value.includes("{{") || value.includes("${") || value.includes("$(") || /__[A-Z][A-Z0-9_]*__/u.test(value));
}

export function selectorTemplated(selector: Selector): boolean {
  return (
    Object.entries(selector.matchLabels).some(([k, v]) => templated(k) || templated(v)) ||
    selector.matchExpressions.some((e) => templated(e.key) || e.values.some((v) => templated(v)))
  );
}

/** `a=b,c=d` for messages. */
export function selectorText(selector: Selector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions) parts.push(e.values.length ? `${e.key} ${e.operator} (${e.values.join(",")})` : `${e.operator === "DoesNotExist" ? "!" : ""}${e.key}`);
  return parts.length ? parts.join(",") : "(everything)";
}

export function nameOf(obj: Obj): string {
  return obj.name ?? "(unnamed)";
}

/** Group objects by effective namespace. */
export function byNamespace(objs: Obj[]): Map<string, Obj[]> {
  const out = new Map<string, Obj[]>();
  for (const o of objs) push(out, o.ns ?? "", o);
  return out;
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A core v1 Service. */
export function isService(obj: Obj): boolean {
  return obj.kind === "Service" && obj.fact.apiVersion === "v1";
}

/** The v1 Services of the run. */
export function services(index: ObjectIndex): Obj[] {
  return index.ofKind("Service").filter(isService);
}

/** The v1 Service named `name` in `ns` closest to `from` (O(1) lookup). */
export function findService(index: ObjectIndex, ns: string | null, name: string, from?: Obj): Obj | null {
  const list = index.find("Service", ns, name).filter(isService);
  return from ? closest(list, from) : (list[0] ?? null);
}

/**
 * "Does the author keep objects of this kind for this namespace next to the referring object?"
 * — the degrade gate of the reference rules. A run often combines several bundles (one folder per
 * app, alternative renders, examples); the folder is what `kubectl apply -f dir/` applies
 * together. Only when the referring object's folder holds objects of the referenced kind in the
 * target namespace is an unresolved reference reported (the lookup itself is run-wide: a referent
 * anywhere in the run resolves it).
 */
export class FolderGate {
  readonly #keys = new Set<string>();

  constructor(objs: Iterable<Obj>) {
    for (const o of objs) {
      const dir = dirname(o.file);
      this.#keys.add(`${dir}\u0000${o.ns ?? ""}`);
      this.#keys.add(`${dir}\u0000*`);
    }
  }

  /** Whether `from`'s folder holds such objects in `ns` (null: in any namespace). */
  has(from: Obj, ns: string | null): boolean {
    return this.#keys.has(`${dirname(from.file)}\u0000${ns ?? "*"}`);
  }
}

/** The candidate closest to `from`: same file, else same folder, else the first. */
export function closest<T extends { file: string }>(list: T[], from: { file: string }): T | null {
  if (!list.length) return null;
  const dir = dirname(from.file);
  return list.find((o) => o.file === from.file) ?? list.find((o) => dirname(o.file) === dir) ?? list[0]!;
}

/** Whether two objects are in the same folder: a referent found only in another folder may belong to another bundle of the run, so its content is not held against the referrer. */
export function sameFolder(a: Obj, b: Obj): boolean {
  return a.file === b.file || dirname(a.file) === dirname(b.file);
}

/**
 * Which of the pod templates a selector picks belong with an object: when the object's file holds
 * pod templates (a rendered chart, a bundle), only that file's; else, when its folder holds pod
 * templates, only the folder's; else all of the run's. Alternative renders of the same chart in
 * other files or folders of a run are not what this file applies.
 */
export class PodScope {
  readonly #files = new Set<string>();
  readonly #dirs = new Set<string>();

  constructor(index: ObjectIndex) {
    for (const p of index.podTemplates()) {
      this.#files.add(p.obj.file);
      this.#dirs.add(dirname(p.obj.file));
    }
  }

  near(pods: PodTemplate[], from: Obj): PodTemplate[] {
    if (this.#files.has(from.file)) return pods.filter((p) => p.obj.file === from.file);
    const dir = dirname(from.file);
    if (this.#dirs.has(dir)) return pods.filter((p) => dirname(p.obj.file) === dir);
    return pods;
  }
}

/** Label keys that pod templates carry, per namespace: a selector on keys no pod of the set uses targets pods made by an operator at run time. */
export class PodLabelKeys {
  readonly #keys = new Set<string>();

  constructor(index: ObjectIndex) {
    for (const p of index.podTemplates()) for (const k of Object.keys(p.labels)) this.#keys.add(`${p.obj.ns ?? ""}\u0000${k}`);
  }

  /** Whether every key the selector requires is carried by some pod template of `ns`. */
  covers(ns: string, selector: Selector): boolean {
    const keys = [...Object.keys(selector.matchLabels), ...selector.matchExpressions.filter((e) => e.operator === "In" || e.operator === "Exists").map((e) => e.key)];
    return keys.every((k) => this.#keys.has(`${ns}\u0000${k}`));
  }
}

/** Namespaces in which the run holds at least one object of the given objects. */
export function namespacesOf(objs: Iterable<Obj>): Set<string> {
  const out = new Set<string>();
  for (const o of objs) if (o.ns !== null) out.add(o.ns);
  return out;
}

/** Namespaces in which the run holds at least one pod template. */
export function podNamespaces(index: ObjectIndex): Set<string> {
  const out = new Set<string>();
  for (const p of index.podTemplates()) if (p.obj.ns !== null) out.add(p.obj.ns);
  return out;
}

export interface ServicePortView {
  index: number;
  node: Snap;
  name: string | null;
  port: number | null;
  /** The targetPort as written (number, or a port name), defaulting to `port`. */
  target: number | string | null;
  targetNode: Snap | null;
  protocol: string;
}

/** An int-or-string: numbers (also quoted digits) as numbers, else the string. */
export function intOrString(snap: Snap | null | undefined): number | string | null {
  if (!snap || snap.v === undefined || snap.v === null) return null;
  if (typeof snap.v === "number") return snap.v;
  const s = String(snap.v);
  return /^\d+$/u.test(s) ? Number(s) : s;
}

export function servicePorts(svc: Obj): ServicePortView[] {
  return items(at(svc.snap, "spec", "ports")).map((p, index) => {
    const port = intOrString(at(p, "port"));
    const targetNode = at(p, "targetPort");
    const target = targetNode ? intOrString(targetNode) : port;
    return {
      index,
      node: p,
      name: str(at(p, "name")),
      port: typeof port === "number" ? port : null,
      target,
      targetNode,
      protocol: str(at(p, "protocol")) ?? "TCP",
    };
  });
}

/** Whether a Service has a port with this number or name (the ways Ingress / route / webhook refer to it). */
export function serviceHasPort(svc: Obj, ref: number | string): boolean {
  // ExternalName Services have no ports of their own; a Service without ports cannot be checked.
  if (str(at(svc.snap, "spec", "type")) === "ExternalName" || !items(at(svc.snap, "spec", "ports")).length) return true;
  return servicePorts(svc).some((p) => (typeof ref === "number" ? p.port === ref : p.name === ref));
}

/** The ports a service port list offers, for messages. */
export function portList(svc: Obj): string {
  const ports = servicePorts(svc).map((p) => (p.name ? `${p.port ?? "?"} (${p.name})` : String(p.port ?? "?")));
  return ports.length ? ports.join(", ") : "none";
}

export function isHeadless(svc: Obj): boolean {
  return str(at(svc.snap, "spec", "clusterIP")) === "None";
}

/** The Service's selector (map form), or null when absent or empty. */
export function serviceSelector(svc: Obj): Selector | null {
  const s = readSelector(at(svc.snap, "spec", "selector"), true);
  if (!s || !Object.keys(s.matchLabels).length) return null;
  return s;
}

export interface ContainerPortView {
  name: string | null;
  port: number | null;
  protocol: string;
}

/** Container ports declared by a pod template (containers and restartable init containers). */
export function templatePorts(pod: PodTemplate): ContainerPortView[] {
  const out: ContainerPortView[] = [];
  for (const list of ["containers", "initContainers"]) {
    for (const c of items(at(pod.spec, list))) {
      for (const p of items(at(c, "ports"))) {
        const n = intOrString(at(p, "containerPort"));
        out.push({ name: str(at(p, "name")), port: typeof n === "number" ? n : null, protocol: str(at(p, "protocol")) ?? "TCP" });
      }
    }
  }
  return out;
}

/** Label postings over a list of objects' `metadata.labels` (Services, Namespaces): selector → objects without a scan. */
export class LabelIndex {
  readonly #postings = new Map<string, Obj[]>();
  readonly #byNs = new Map<string, Obj[]>();
  readonly #all: Obj[] = [];
  readonly #keys = new Set<string>();

  readonly labels: (o: Obj) => Record<string, string>;

  constructor(objs: Iterable<Obj>, nsOf: (o: Obj) => string = (o) => o.ns ?? "", labelsOf?: (o: Obj) => Record<string, string>) {
    this.labels = labelsOf ?? ((o) => stringRecord(at(o.snap, "metadata", "labels")));
    for (const o of objs) {
      const ns = nsOf(o);
      this.#all.push(o);
      push(this.#byNs, ns, o);
      for (const [k, v] of Object.entries(this.labels(o))) {
        this.#keys.add(k);
        push(this.#postings, `${ns}\u0000${k}\u0000${v}`, o);
        push(this.#postings, `*\u0000${k}\u0000${v}`, o);
      }
    }
  }

  /** Whether any object carries a label with this key. */
  hasKey(key: string): boolean {
    return this.#keys.has(key);
  }

  namespaceHasAny(ns: string): boolean {
    return (this.#byNs.get(ns)?.length ?? 0) > 0;
  }

  get size(): number {
    return this.#all.length;
  }

  /** Objects matching the selector in `ns` (null: every namespace). */
  select(ns: string | null, selector: Selector): Obj[] {
    const nsKey = ns ?? "*";
    let candidates: Obj[] | undefined;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.#postings.get(`${nsKey}\u0000${k}\u0000${v}`) ?? [];
      if (!list.length) return [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    const base = candidates ?? (ns === null ? this.#all : (this.#byNs.get(ns) ?? []));
    return base.filter((o) => selectorMatches(selector, this.labels(o)));
  }
}

// ---------------------------------------------------------------------------------------------
// NetworkPolicies

/** A policy as the isolation rules see it. */
export interface PolicyView {
  obj: Obj;
  /** The pods it selects (empty selector: every pod of the namespace). */
  selector: Selector;
  /** The selector node (for reporting). */
  selectorNode: Snap | null;
  /** Directions in which the selected pods are isolated. */
  types: Set<Direction>;
  /** Directions in which one of its rules allows everything (no peers and no ports). */
  allowsAll: Set<Direction>;
  /** Cluster-wide (CiliumClusterwideNetworkPolicy): applies to every namespace. */
  clusterWide: boolean;
}

export function isK8sNetworkPolicy(obj: Obj): boolean {
  if (obj.kind !== "NetworkPolicy") return false;
  const g = apiGroup(obj.fact.apiVersion);
  return g === "networking.k8s.io" || g === "extensions";
}

function ruleAllowsAll(rule: Snap, peerKey: string): boolean {
  const peers = at(rule, peerKey);
  const ports = at(rule, "ports");
  return (!peers || items(peers).length === 0) && (!ports || items(ports).length === 0);
}

function k8sPolicyView(obj: Obj): PolicyView {
  const spec = at(obj.snap, "spec");
  const selectorNode = at(spec, "podSelector");
  const selector = readSelector(selectorNode) ?? { matchLabels: {}, matchExpressions: [] };
  const written = at(spec, "policyTypes");
  const types = new Set<Direction>();
  if (written && written.s) {
    for (const t of items(written)) {
      const v = str(t);
      if (v === "Ingress" || v === "Egress") types.add(v);
    }
  } else {
    // Default: Ingress always; Egress when the policy has an egress section.
    types.add("Ingress");
    if (at(spec, "egress")) types.add("Egress");
  }
  const allowsAll = new Set<Direction>();
  if (items(at(spec, "ingress")).some((r) => ruleAllowsAll(r, "from"))) allowsAll.add("Ingress");
  if (items(at(spec, "egress")).some((r) => ruleAllowsAll(r, "to"))) allowsAll.add("Egress");
  return { obj, selector, selectorNode, types, allowsAll, clusterWide: false };
}

/** Cilium label keys carry a source prefix (`k8s:app`); namespace keys are implied by the policy's namespace. */
function ciliumSelector(snap: Snap | null): Selector {
  const s = readSelector(snap) ?? { matchLabels: {}, matchExpressions: [] };
  const strip = (k: string): string => k.replace(/^(?:k8s|any):/u, "");
  const keep = (k: string): boolean => !/^(?:io\.kubernetes\.pod\.namespace|io\.cilium\.k8s\.)/u.test(k);
  return {
    matchLabels: Object.fromEntries(
      Object.entries(s.matchLabels)
        .map(([k, v]) => [strip(k), v] as const)
        .filter(([k]) => keep(k)),
    ),
    matchExpressions: s.matchExpressions.map((e) => ({ ...e, key: strip(e.key) })).filter((e) => keep(e.key)),
  };
}

function ciliumViews(obj: Obj, clusterWide: boolean): PolicyView[] {
  const spec = at(obj.snap, "spec");
  const specs = [...(spec ? [spec] : []), ...items(at(obj.snap, "specs"))];
  const out: PolicyView[] = [];
  for (const s of specs) {
    const selectorNode = at(s, "endpointSelector");
    // nodeSelector policies (host firewall) do not select pods.
    if (!selectorNode) continue;
    const types = new Set<Direction>();
    if (at(s, "ingress") || at(s, "ingressDeny")) types.add("Ingress");
    if (at(s, "egress") || at(s, "egressDeny")) types.add("Egress");
    const dd = at(s, "enableDefaultDeny");
    if (str(at(dd, "ingress")) === "false") types.delete("Ingress");
    if (str(at(dd, "egress")) === "false") types.delete("Egress");
    const allowsAll = new Set<Direction>();
    // An ingress rule that allows the `all` entity (or `world` + `cluster`) lets everything in.
    const allEntity = (rule: Snap, key: string): boolean => items(at(rule, key)).some((e) => str(e) === "all");
    if (items(at(s, "ingress")).some((r) => allEntity(r, "fromEntities"))) allowsAll.add("Ingress");
    if (items(at(s, "egress")).some((r) => allEntity(r, "toEntities"))) allowsAll.add("Egress");
    out.push({ obj, selector: ciliumSelector(selectorNode), selectorNode, types, allowsAll, clusterWide });
  }
  return out;
}

/** Every pod-selecting network policy of the run, by namespace, plus the cluster-wide ones. */
export class PolicyIndex {
  readonly byNs = new Map<string, PolicyView[]>();
  readonly clusterWide: PolicyView[] = [];
  /** Kubernetes NetworkPolicy views only (for the dangling rules). */
  readonly k8s: PolicyView[] = [];

  constructor(index: ObjectIndex) {
    for (const obj of index.ofKind("NetworkPolicy")) {
      if (!isK8sNetworkPolicy(obj) || obj.ns === null) continue;
      const v = k8sPolicyView(obj);
      this.k8s.push(v);
      push(this.byNs, obj.ns, v);
    }
    for (const obj of index.ofKind("CiliumNetworkPolicy")) {
      if (apiGroup(obj.fact.apiVersion) !== "cilium.io" || obj.ns === null) continue;
      for (const v of ciliumViews(obj, false)) push(this.byNs, obj.ns, v);
    }
    for (const obj of index.ofKind("CiliumClusterwideNetworkPolicy")) {
      if (apiGroup(obj.fact.apiVersion) !== "cilium.io") continue;
      this.clusterWide.push(...ciliumViews(obj, true));
    }
  }

  /** Policies that apply in a namespace (its own and the cluster-wide ones). */
  inNamespace(ns: string): PolicyView[] {
    const own = this.byNs.get(ns) ?? [];
    return this.clusterWide.length ? [...own, ...this.clusterWide] : own;
  }

  /** Whether the run holds any policy for the namespace (its own; cluster-wide ones count too). */
  namespaceHasPolicies(ns: string): boolean {
    return (this.byNs.get(ns)?.length ?? 0) > 0 || this.clusterWide.length > 0;
  }
}

/** Whether a policy selects every pod of its namespace. */
export function selectsAll(p: PolicyView): boolean {
  return Object.keys(p.selector.matchLabels).length === 0 && p.selector.matchExpressions.length === 0;
}

// ---------------------------------------------------------------------------------------------
// Objects that create Secrets

/** Kinds (besides Secret) whose objects create a Secret of a known name. */
export const SECRET_PRODUCERS = ["SealedSecret", "ExternalSecret", "Certificate", "SecretProviderClass", "VaultStaticSecret", "VaultDynamicSecret", "OnePasswordItem", "Kustomization"] as const;

/** Secret names (namespace → names) that the run's Secrets and Secret-creating objects provide. */
export function secretNames(index: ObjectIndex): { names: Map<string, Map<string, Obj[]>>; objects: Obj[] } {
  const names = new Map<string, Map<string, Obj[]>>();
  const objects: Obj[] = [];
  const add = (ns: string | null, name: string | null, obj: Obj): void => {
    if (ns === null || !name) return;
    objects.push(obj);
    let m = names.get(ns);
    if (!m) names.set(ns, (m = new Map()));
    push(m, name, obj);
  };
  for (const o of index.ofKind("Secret")) if (o.fact.apiVersion === "v1") add(o.ns, o.name, o);
  for (const o of index.ofKind("SealedSecret")) add(o.ns, str(at(o.snap, "spec", "template", "metadata", "name")) ?? o.name, o);
  for (const o of index.ofKind("ExternalSecret")) add(o.ns, str(at(o.snap, "spec", "target", "name")) ?? o.name, o);
  for (const o of index.ofKind("Certificate")) if (apiGroup(o.fact.apiVersion) === "cert-manager.io") add(o.ns, str(at(o.snap, "spec", "secretName")), o);
  for (const o of index.ofKind("SecretProviderClass")) for (const so of items(at(o.snap, "spec", "secretObjects"))) add(o.ns, str(at(so, "secretName")), o);
  for (const o of index.ofKind("VaultStaticSecret")) add(o.ns, str(at(o.snap, "spec", "destination", "name")), o);
  for (const o of index.ofKind("VaultDynamicSecret")) add(o.ns, str(at(o.snap, "spec", "destination", "name")), o);
  for (const o of index.ofKind("OnePasswordItem")) add(o.ns, o.name, o);
  for (const o of index.ofKind("Kustomization")) {
    const ns = str(at(o.snap, "namespace")) ?? o.ns;
    for (const g of items(at(o.snap, "secretGenerator"))) add(ns, str(at(g, "name")), o);
  }
  return { names, objects };
}

// ---------------------------------------------------------------------------------------------
// Services and hosts

/** The in-cluster Service a DNS host names, relative to `ns`: `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.<domain>`. Null: not a Service host. */
export function serviceHost(host: string, ns: string | null): { name: string; ns: string | null } | null {
  if (!host || host.includes("*") || templated(host)) return null;
  const parts = host.split(".");
  if (parts.length === 1) return { name: parts[0]!, ns };
  if (parts.length === 2) return { name: parts[0]!, ns: parts[1]! };
  if (parts[2] === "svc") return { name: parts[0]!, ns: parts[1]! };
  return null;
}

/** Istio-style host match: `*.example.com` matches `a.example.com`, `*` matches everything. */
export function hostMatches(pattern: string, host: string): boolean {
  if (host === "*") return true;
  if (pattern === "*" || pattern === host) return true;
  if (pattern.startsWith("*.")) return host.endsWith(pattern.slice(1)) || (host.startsWith("*.") && host.endsWith(pattern.slice(1)));
  if (host.startsWith("*.")) return pattern.endsWith(host.slice(1));
  return false;
}

/** Namespaces Kubernetes creates in every cluster. */
export const BUILTIN_NAMESPACES = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

/** A short reference list for `related`: at most `max` objects. */
export function firstN<T>(list: T[], max = 5): T[] {
  return list.length > max ? list.slice(0, max) : list;
}

export { readSelector, selectorMatches };
export type { Obj, PodTemplate, Selector, Snap };
