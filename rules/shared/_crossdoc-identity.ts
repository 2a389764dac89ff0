/**
 * @fileoverview Shared helpers for the cross-document identity and availability rules
 * (research/catalog-cluster.md §1 B, C, D, I): the service account of a pod template and whether
 * its token is mounted, RoleBinding / ClusterRoleBinding subjects and role references, the
 * effective rules of a Role or ClusterRole (ClusterRole aggregation in the run resolved), takeover
 * grants, and the PDB / HPA relations to workloads.
 *
 * Everything is built once per rule run from `ObjectIndex` lookups by kind (linear in the number
 * of objects); afterwards lookups are by namespace + name or by label posting. RBAC matching reuses
 * the API server semantics implemented in `_cluster-rbac.ts` (wildcards, `*\/subresource`,
 * resourceNames) on snapshot values.
 */
import { dirname } from "node:path";
import { apiGroup } from "../../src/language/k8s.js";
import {
  at,
  items,
  readSelector,
  RELEASE_NAMESPACE,
  selectorMatches,
  str,
  stringRecord,
  type Obj,
  type ObjectIndex,
  type PodTemplate,
  type Selector,
  type Snap,
} from "../../src/crossdoc/index.js";
import { groupAllowed, namedRuleCanAllow, RBAC_GROUP, resourceItem, verbAllowed, type Permission } from "./_cluster-rbac.js";
import { selectorTemplated, templated } from "./_crossdoc-net.js";

export { templated, selectorTemplated };

export function nameOf(obj: Obj): string {
  return obj.name ?? "(unnamed)";
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const nsKey = (ns: string | null, name: string): string => `${ns ?? ""}\u0000${name}`;

// ---------------------------------------------------------------------------------------------
// Service accounts of pod templates

export interface PodServiceAccount {
  name: string;
  /** The value node that names it (`serviceAccountName`, else the deprecated `serviceAccount`); null when defaulted. */
  node: Snap | null;
}

/** `serviceAccountName`, else the deprecated `serviceAccount`, else `default` (empty counts as unset). */
export function podServiceAccount(pod: PodTemplate): PodServiceAccount {
  for (const key of ["serviceAccountName", "serviceAccount"]) {
    const node = at(pod.spec, key);
    const name = str(node);
    if (name) return { name, node };
  }
  return { name: "default", node: null };
}

function boolOf(snap: Snap | null): boolean | null {
  const v = snap?.v;
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return null;
}

/** Whether the pod gets its service account token: the pod's setting, else the ServiceAccount's, else true. */
export function tokenMounted(pod: PodTemplate, sa: Obj | null): boolean {
  const own = boolOf(at(pod.spec, "automountServiceAccountToken"));
  if (own !== null) return own;
  return boolOf(sa ? at(sa.snap, "automountServiceAccountToken") : null) ?? true;
}

export function isServiceAccount(obj: Obj): boolean {
  return obj.kind === "ServiceAccount" && obj.fact.apiVersion === "v1";
}

/** The first ServiceAccount `name` in `ns` (O(1)). */
export function findServiceAccount(index: ObjectIndex, ns: string | null, name: string): Obj | null {
  return index.find("ServiceAccount", ns, name).find(isServiceAccount) ?? null;
}

/** The pod templates of the run grouped by object (in index order). */
export function templatesByObject(index: ObjectIndex): Map<Obj, PodTemplate[]> {
  const out = new Map<Obj, PodTemplate[]>();
  for (const p of index.podTemplates()) push(out, p.obj, p);
  return out;
}

/** Namespaces in which the run holds at least one pod template. */
export function podNamespaces(index: ObjectIndex): Set<string> {
  const out = new Set<string>();
  for (const p of index.podTemplates()) out.add(p.obj.ns ?? "");
  return out;
}

// ---------------------------------------------------------------------------------------------
// RBAC bindings

export function isRbac(obj: Obj, kinds: readonly string[]): boolean {
  return kinds.includes(obj.kind) && apiGroup(obj.fact.apiVersion) === RBAC_GROUP;
}

export function bindings(index: ObjectIndex): Obj[] {
  return [...index.ofKind("RoleBinding"), ...index.ofKind("ClusterRoleBinding")].filter((b) => isRbac(b, ["RoleBinding", "ClusterRoleBinding"]));
}

export interface SubjectRef {
  binding: Obj;
  subject: Snap;
  index: number;
  kind: string | null;
  name: string | null;
  /** Effective namespace of a ServiceAccount subject (written, else the RoleBinding's), null when unknown. */
  namespace: string | null;
}

export function subjectsOf(binding: Obj): SubjectRef[] {
  return items(at(binding.snap, "subjects")).map((subject, index) => {
    const kind = str(at(subject, "kind"));
    const written = str(at(subject, "namespace"));
    const namespace = kind === "ServiceAccount" ? (written ?? (binding.kind === "RoleBinding" ? binding.ns : null)) : written;
    return { binding, subject, index, kind, name: str(at(subject, "name")), namespace };
  });
}

/**
 * The namespaces a ServiceAccount subject's namespace stands for. `helm template` without
 * `--namespace` renders `{{ .Release.Namespace }}` as `default`, while the chart's documents
 * without `metadata.namespace` are in the release namespace: in Helm output, a subject namespace
 * `default` also stands for the release namespace.
 */
export function subjectNamespaces(ref: SubjectRef, releaseNamespace: string | null): string[] {
  if (ref.namespace === null) return [];
  const out = [ref.namespace];
  if (ref.binding.fact.helmSource !== null && ref.namespace === "default") out.push(releaseNamespace ?? RELEASE_NAMESPACE);
  return out;
}

export function releaseNamespaceOf(settings: Record<string, unknown>): string | null {
  return typeof settings.releaseNamespace === "string" ? settings.releaseNamespace : null;
}

/** Binding subjects by ServiceAccount (namespace + name) and by Group name. */
export class SubjectIndex {
  readonly #bySa = new Map<string, SubjectRef[]>();
  readonly #bySaName = new Map<string, SubjectRef[]>();
  readonly #byGroup = new Map<string, SubjectRef[]>();

  constructor(index: ObjectIndex, releaseNamespace: string | null) {
    for (const b of bindings(index)) {
      for (const ref of subjectsOf(b)) {
        if (!ref.name) continue;
        if (ref.kind === "ServiceAccount") {
          for (const ns of subjectNamespaces(ref, releaseNamespace)) push(this.#bySa, nsKey(ns, ref.name), ref);
          push(this.#bySaName, ref.name, ref);
        }
        else if (ref.kind === "Group") push(this.#byGroup, ref.name, ref);
      }
    }
  }

  /**
   * Subjects that name this ServiceAccount directly or through the `system:serviceaccounts[:<ns>]`
   * groups. `floatingIn`: the pod has no written namespace (plain YAML goes where `kubectl apply -n`
   * says), so subjects of that name in any namespace count when their binding is in this folder.
   */
  forServiceAccount(ns: string | null, name: string, floatingIn: string | null = null): SubjectRef[] {
    const floating = floatingIn === null ? [] : (this.#bySaName.get(name) ?? []).filter((r) => r.namespace !== ns && dirname(r.binding.file) === floatingIn);
    return [
      ...(this.#bySa.get(nsKey(ns, name)) ?? []),
      ...floating,
      ...(this.#byGroup.get(`system:serviceaccounts:${ns ?? ""}`) ?? []),
      ...(this.#byGroup.get("system:serviceaccounts") ?? []),
    ];
  }
}

export interface RoleRef {
  kind: string | null;
  name: string | null;
  /** `roleRef.name`'s value (else `roleRef`'s key), to report on. */
  node: Snap | null;
  /** The Role / ClusterRole of the run it names (the first, if declared twice), or null. */
  obj: Obj | null;
}

export function roleRefOf(index: ObjectIndex, binding: Obj): RoleRef {
  const ref = at(binding.snap, "roleRef");
  const kind = str(at(ref, "kind"));
  const name = str(at(ref, "name"));
  const node = at(ref, "name") ?? ref;
  let obj: Obj | null = null;
  if (name && kind === "ClusterRole") obj = index.find("ClusterRole", null, name).find((o) => isRbac(o, ["ClusterRole"])) ?? null;
  else if (name && kind === "Role" && binding.kind === "RoleBinding") obj = index.find("Role", binding.ns, name).find((o) => isRbac(o, ["Role"])) ?? null;
  return { kind, name, node, obj };
}

/** ClusterRoles every cluster has (bootstrap policy); `system:*` names are built in too. */
export const BUILTIN_CLUSTER_ROLES = new Set(["cluster-admin", "admin", "edit", "view"]);
/** Roles the API server creates in kube-system. */
export const BUILTIN_ROLES = new Set(["extension-apiserver-authentication-reader"]);

export function isBuiltinRole(kind: string | null, name: string): boolean {
  if (name.startsWith("system:")) return true;
  return kind === "ClusterRole" ? BUILTIN_CLUSTER_ROLES.has(name) : BUILTIN_ROLES.has(name);
}

// ---------------------------------------------------------------------------------------------
// Effective rules of roles (aggregation) and takeover grants

export interface SnapValue {
  value: string;
  node: Snap;
}

export interface SnapRule {
  /** The role that carries the rule (an aggregated ClusterRole, or the role itself). */
  role: Obj;
  index: number;
  node: Snap;
  verbs: SnapValue[];
  apiGroups: SnapValue[];
  resources: SnapValue[];
  resourceNames: SnapValue[];
}

function values(snap: Snap | null): SnapValue[] {
  return items(snap).map((node) => ({ value: node.v === null || node.v === undefined ? "" : String(node.v), node }));
}

function ownRules(role: Obj): SnapRule[] {
  const out: SnapRule[] = [];
  items(at(role.snap, "rules")).forEach((node, index) => {
    if (!node.m) return;
    out.push({ role, index, node, verbs: values(at(node, "verbs")), apiGroups: values(at(node, "apiGroups")), resources: values(at(node, "resources")), resourceNames: values(at(node, "resourceNames")) });
  });
  return out;
}

/**
 * Effective rules of Roles and ClusterRoles: a ClusterRole with `aggregationRule` also gets the
 * rules of every ClusterRole of the run whose labels match one of its `clusterRoleSelectors`
 * (what the aggregation controller does), transitively. Candidates come from label postings.
 */
export class RoleRules {
  readonly #postings = new Map<string, Obj[]>();
  readonly #clusterRoles: Obj[];
  readonly #cache = new Map<Obj, SnapRule[]>();

  constructor(index: ObjectIndex) {
    this.#clusterRoles = index.ofKind("ClusterRole").filter((o) => isRbac(o, ["ClusterRole"]));
    for (const cr of this.#clusterRoles) {
      for (const [k, v] of Object.entries(stringRecord(at(cr.snap, "metadata", "labels")))) push(this.#postings, `${k}\u0000${v}`, cr);
    }
  }

  rulesOf(role: Obj, seen: Set<Obj> = new Set()): SnapRule[] {
    const cached = this.#cache.get(role);
    if (cached) return cached;
    seen.add(role);
    const out = ownRules(role);
    if (role.kind === "ClusterRole") {
      for (const sel of items(at(role.snap, "aggregationRule", "clusterRoleSelectors"))) {
        const selector = readSelector(sel);
        if (!selector) continue;
        for (const cr of this.#candidates(selector)) {
          if (seen.has(cr) || !selectorMatches(selector, stringRecord(at(cr.snap, "metadata", "labels")))) continue;
          out.push(...this.rulesOf(cr, seen));
        }
      }
    }
    this.#cache.set(role, out);
    return out;
  }

  #candidates(selector: Selector): Obj[] {
    let best: Obj[] | null = null;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.#postings.get(`${k}\u0000${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? this.#clusterRoles;
  }
}

export interface TakeoverClass {
  id: string;
  /** What it lets a subject do, for messages. */
  label: string;
  permissions: Permission[];
  /** Whether a grant limited by resourceNames still counts. */
  namedCounts: boolean;
}

/**
 * Grants that let whoever holds the token take over the namespace or cluster (Kubescape C-0267
 * and C-0272, plus the escalation verbs of catalog §1 A), strongest first.
 */
export const TAKEOVER: TakeoverClass[] = [
  {
    id: "secrets",
    label: "read every Secret (get/list/watch secrets)",
    permissions: [{ verbs: ["get", "list", "watch"], groups: [""], resources: ["secrets"] }],
    namedCounts: false,
  },
  {
    id: "workloads",
    label: "create or change pods and pod controllers (runs any image as any service account)",
    permissions: [
      { verbs: ["create", "update", "patch"], groups: [""], resources: ["pods", "replicationcontrollers"] },
      { verbs: ["create", "update", "patch"], groups: ["apps", "extensions"], resources: ["deployments", "daemonsets", "statefulsets", "replicasets"] },
      { verbs: ["create", "update", "patch"], groups: ["batch"], resources: ["jobs", "cronjobs"] },
    ],
    namedCounts: true,
  },
  {
    id: "exec",
    label: "exec or attach into pods",
    permissions: [{ verbs: ["create", "get"], groups: [""], resources: ["pods/exec", "pods/attach"] }],
    namedCounts: true,
  },
  {
    id: "escalate",
    label: "escalate or bind roles",
    permissions: [{ verbs: ["escalate", "bind"], groups: [RBAC_GROUP], resources: ["roles", "clusterroles"] }],
    namedCounts: true,
  },
  {
    id: "impersonate",
    label: "impersonate users, groups or service accounts",
    permissions: [{ verbs: ["impersonate"], groups: [""], resources: ["users", "groups", "serviceaccounts"] }],
    namedCounts: true,
  },
  {
    id: "token",
    label: "mint service account tokens (create serviceaccounts/token)",
    permissions: [{ verbs: ["create"], groups: [""], resources: ["serviceaccounts/token"] }],
    namedCounts: true,
  },
  {
    id: "nodes-proxy",
    label: "reach the kubelet API through nodes/proxy",
    permissions: [{ verbs: ["get", "create"], groups: [""], resources: ["nodes/proxy"], clusterScoped: true }],
    namedCounts: true,
  },
];

export interface TakeoverGrant {
  /** "admin" for a full wildcard rule, else the TAKEOVER class id. */
  id: string;
  label: string;
  rule: SnapRule | null;
}

function isFullWildcard(rule: SnapRule): boolean {
  return rule.verbs.some((v) => v.value === "*") && rule.resources.some((r) => r.value === "*") && rule.apiGroups.some((g) => g.value === "*") && !rule.resourceNames.length;
}

/** Whether a rule grants any permission of the class (API server matching, see _cluster-rbac.ts). */
export function ruleGrants(rule: SnapRule, cls: TakeoverClass, roleKind: string): boolean {
  if (rule.resourceNames.length && !cls.namedCounts) return false;
  for (const p of cls.permissions) {
    if (p.clusterScoped && roleKind === "Role") continue;
    if (!p.groups.some((g) => groupAllowed(rule, g))) continue;
    for (const res of p.resources) {
      if (!resourceItem(rule, res)) continue;
      for (const verb of p.verbs) {
        if (!verbAllowed(rule, verb)) continue;
        if (rule.resourceNames.length && !namedRuleCanAllow(verb, res)) continue;
        return true;
      }
    }
  }
  return false;
}

/** What the built-in ClusterRoles grant (Kubernetes bootstrap policy). */
const BUILTIN_TAKEOVER: Record<string, TakeoverGrant> = {
  "cluster-admin": { id: "admin", label: "every verb on every resource (cluster-admin)", rule: null },
  admin: { id: "workloads", label: "read Secrets and create pods (the built-in 'admin' ClusterRole)", rule: null },
  edit: { id: "workloads", label: "read Secrets and create pods (the built-in 'edit' ClusterRole)", rule: null },
};

/** The strongest takeover grant of a role, from its effective rules (cached per role). */
export class TakeoverEvaluator {
  readonly rules: RoleRules;
  readonly #cache = new Map<Obj, TakeoverGrant | null>();

  constructor(index: ObjectIndex) {
    this.rules = new RoleRules(index);
  }

  ofRole(role: Obj): TakeoverGrant | null {
    if (this.#cache.has(role)) return this.#cache.get(role)!;
    const rules = this.rules.rulesOf(role);
    let grant: TakeoverGrant | null = null;
    const admin = rules.find(isFullWildcard);
    if (admin) grant = { id: "admin", label: "every verb on every resource (`*` on `*`)", rule: admin };
    else {
      for (const cls of TAKEOVER) {
        const rule = rules.find((r) => ruleGrants(r, cls, role.kind));
        if (rule) {
          grant = { id: cls.id, label: cls.label, rule };
          break;
        }
      }
    }
    this.#cache.set(role, grant);
    return grant;
  }

  /** A role reference's grant: the role of the run, else what a built-in ClusterRole is known to grant. */
  ofRef(ref: RoleRef): TakeoverGrant | null {
    if (ref.obj) return this.ofRole(ref.obj);
    if (ref.kind === "ClusterRole" && ref.name) return BUILTIN_TAKEOVER[ref.name] ?? null;
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// PodDisruptionBudgets and HorizontalPodAutoscalers

export function isPdb(obj: Obj): boolean {
  return obj.kind === "PodDisruptionBudget" && apiGroup(obj.fact.apiVersion) === "policy";
}

export function isHpa(obj: Obj): boolean {
  return obj.kind === "HorizontalPodAutoscaler" && apiGroup(obj.fact.apiVersion) === "autoscaling";
}

export interface PdbSelection {
  pdb: Obj;
  /** The `selector` node (null when absent). */
  node: Snap | null;
  selector: Selector | null;
  /** Unmatchable: unrendered placeholders. */
  templated: boolean;
  /** Pod templates it selects in its namespace. */
  pods: PodTemplate[];
}

/**
 * What a PDB selects: policy/v1 `selector: {}` selects every pod of the namespace, an absent
 * selector none; in policy/v1beta1 an empty selector selects none too.
 */
export function pdbSelection(index: ObjectIndex, pdb: Obj): PdbSelection {
  const node = at(pdb.snap, "spec", "selector");
  const selector = node?.m ? readSelector(node) : null;
  if (!selector) return { pdb, node, selector: null, templated: false, pods: [] };
  if (selectorTemplated(selector)) return { pdb, node, selector, templated: true, pods: [] };
  const empty = !Object.keys(selector.matchLabels).length && !selector.matchExpressions.length;
  if (empty && pdb.fact.apiVersion === "policy/v1beta1") return { pdb, node, selector, templated: false, pods: [] };
  return { pdb, node, selector, templated: false, pods: index.selectPods(pdb.ns, selector) };
}

/** Every PDB of the run with its selection, and the PDBs selecting each object's pod templates. */
export function pdbCoverage(index: ObjectIndex): { selections: PdbSelection[]; byObject: Map<Obj, PdbSelection[]> } {
  const selections = index.ofKind("PodDisruptionBudget").filter(isPdb).map((p) => pdbSelection(index, p));
  const byObject = new Map<Obj, PdbSelection[]>();
  for (const s of selections) {
    const objs = new Set(s.pods.map((p) => p.obj));
    for (const o of objs) push(byObject, o, s);
  }
  return { selections, byObject };
}

export interface HpaTarget {
  hpa: Obj;
  kind: string | null;
  name: string | null;
  apiVersion: string | null;
  /** `scaleTargetRef` (the node to report). */
  node: Snap | null;
  /** The target object of the run (first match), or null. */
  target: Obj | null;
}

export function hpaTarget(index: ObjectIndex, hpa: Obj): HpaTarget {
  const ref = at(hpa.snap, "spec", "scaleTargetRef");
  const kind = str(at(ref, "kind"));
  const name = str(at(ref, "name"));
  const apiVersion = str(at(ref, "apiVersion"));
  const target = kind && name ? (index.find(kind, hpa.ns, name)[0] ?? null) : null;
  return { hpa, kind, name, apiVersion, node: ref, target };
}

export function hpas(index: ObjectIndex): Obj[] {
  return index.ofKind("HorizontalPodAutoscaler").filter(isHpa);
}

/** `spec.minReplicas` of an HPA (1 when unset), null when not a number. */
export function hpaMinReplicas(hpa: Obj): number | null {
  const node = at(hpa.snap, "spec", "minReplicas");
  if (!node) return 1;
  const n = typeof node.v === "number" ? node.v : typeof node.v === "string" && /^\d+$/u.test(node.v) ? Number(node.v) : null;
  return n !== null && Number.isInteger(n) ? n : null;
}

export type IntOrPercent = { kind: "int"; value: number } | { kind: "percent"; value: number };

export function intOrPercent(snap: Snap | null): IntOrPercent | null {
  if (!snap) return null;
  if (typeof snap.v === "number" && Number.isInteger(snap.v)) return { kind: "int", value: snap.v };
  if (typeof snap.v === "string") {
    const m = /^(\d+)%$/u.exec(snap.v.trim());
    if (m) return { kind: "percent", value: Number(m[1]) };
  }
  return null;
}

/** `spec.replicas` as a number (null: absent, templated or not a number). */
export function replicasOf(obj: Obj): number | null {
  const v = at(obj.snap, "spec", "replicas")?.v;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\d+$/u.test(v)) return Number(v);
  return null;
}

/** `templated` for names: placeholders cannot be resolved. */
export function nameTemplated(name: string | null): boolean {
  return name === null || templated(name);
}

/**
 * Label postings of the custom resources of the run (objects of a non-Kubernetes API group without
 * pod templates: an Alertmanager, a Prometheus, a Kafka cluster). Operators create pods for them and
 * usually copy their labels: a selector matching such an object may select pods the run cannot see.
 */
export class CustomResourceLabels {
  readonly #postings = new Map<string, Obj[]>();
  readonly #byNs = new Map<string, Obj[]>();

  constructor(index: ObjectIndex) {
    for (const obj of index.objects) {
      const group = apiGroup(obj.fact.apiVersion);
      if (obj.fact.podSpecPaths.length || !group.includes(".") || group.endsWith(".k8s.io") || obj.ns === null) continue;
      if (obj.kind === "ServiceMonitor" || obj.kind === "PodMonitor") continue;
      push(this.#byNs, obj.ns, obj);
      for (const [k, v] of Object.entries(stringRecord(at(obj.snap, "metadata", "labels")))) push(this.#postings, `${obj.ns}\u0000${k}\u0000${v}`, obj);
    }
  }

  /** A custom resource of `ns` whose labels the selector matches, if any. */
  match(ns: string | null, selector: Selector): Obj | null {
    let best: Obj[] | undefined;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const list = this.#postings.get(`${ns ?? ""}\u0000${k}\u0000${v}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return (best ?? this.#byNs.get(ns ?? "") ?? []).find((o) => selectorMatches(selector, stringRecord(at(o.snap, "metadata", "labels")))) ?? null;
  }
}
