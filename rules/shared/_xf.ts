/**
 * @fileoverview Shared helpers for the cross-file rules of catalog-config.md §1.12 (`xf-…`) and the
 * admission rules that need the API server's flags: effective flag values over a `FlagSetFact`
 * (last occurrence wins, string slices append, kubeadm's own arguments when a kubeadm
 * `extraArgs` carrier does not set the flag — `KUBEADM_DEFAULTS`), which file of the run a path
 * written in a flag or field names, which pod volume mounts a path, and the kubeconfig checks of
 * §1.11 that can be decided on a snapshot.
 *
 * How a written path (`/etc/kubernetes/enc/encryption.yaml`) is matched with the run's files: the
 * path's segments are compared from the end with each candidate file's path (`<repo>/etc/kubernetes/
 * enc/encryption.yaml` matches all four segments, `configs/encryption.yaml` only the file name).
 * The candidates with the most matching trailing segments win (at least the file name must match),
 * ties go to the file nearest to the referring file (longest common folder prefix). When no file
 * name matches, a document of the expected kind in the referring file itself stands in for it (a
 * one-file run: the ESLint plugin, or a bundle). Only documents of the expected kind are candidates.
 */
import { dirname } from "node:path";
import { at, entries, items, str, type FlagSetFact, type Obj, type ObjectIndex, type Snap } from "../../src/crossdoc/index.js";
import type { FlagFact } from "../../src/crossdoc/facts.js";
import { apiGroup } from "../../src/language/k8s.js";
import { KUBEADM_DEFAULTS, parseGoBool } from "./_flag-rule.js";

export interface SetEntry {
  file: string;
  set: FlagSetFact;
  obj: Obj | null;
}

/** The object a finding on a flag set is reported on: its carrier, or a stand-in for a systemd unit file. */
export function setObj(e: SetEntry): Obj {
  if (e.obj) return e.obj;
  return {
    file: e.file,
    kind: "",
    name: null,
    ns: null,
    snap: { r: e.set.r },
    fact: { id: -1, docIndex: 0, listIndex: null, apiVersion: null, kind: null, name: null, namespace: null, helmSource: null, r: e.set.r, snap: { r: e.set.r }, podSpecPaths: [] },
  };
}

const KUBEADM_PART: Record<string, string[]> = {
  "kube-apiserver": ["apiServer"],
  "kube-controller-manager": ["controllerManager"],
  "kube-scheduler": ["scheduler"],
  etcd: ["etcd", "local"],
};

/**
 * Flag sets of a component (`kube-apiserver`, `etcd`, `kubelet` …). A kubeadm ClusterConfiguration
 * without `extraArgs` for a control-plane component counts as an empty kubeadm set (kubeadm then
 * writes only its own arguments, `KUBEADM_DEFAULTS`); not etcd when `etcd.external` is set.
 */
export function setsOf(index: ObjectIndex, component: string): SetEntry[] {
  const out = index.flagSets.filter((e) => e.set.component === component);
  const part = KUBEADM_PART[component];
  if (!part) return out;
  for (const o of index.ofKind("ClusterConfiguration")) {
    if (apiGroup(o.fact.apiVersion) !== "kubeadm.k8s.io") continue;
    if (out.some((e) => e.obj === o)) continue;
    if (component === "etcd" && at(o.snap, "etcd", "external")) continue;
    const anchor = at(o.snap, ...part);
    const r: [number, number] = anchor?.k ?? at(o.snap, "kind")?.k ?? [o.fact.r[0], o.fact.r[0]];
    out.push({ file: o.file, obj: o, set: { component, carrier: "extraArgs", objectId: o.fact.id, container: null, hasConfigFile: false, flags: [], r } });
  }
  return out;
}

/** The node of a flag's value (its whole token when written without a value). */
export function valueNode(f: FlagFact): Snap {
  return { r: f.vr ?? f.r };
}

/** The node of a whole flag token. */
export function flagNode(f: FlagFact): Snap {
  return { r: f.r };
}

/** The last occurrence of a flag in a set, or null. */
export function lastFlag(set: FlagSetFact, name: string): FlagFact | null {
  let found: FlagFact | null = null;
  for (const f of set.flags) if (f.name === name) found = f;
  return found;
}

export interface Effective {
  /** The effective value (a bare flag is ""; absent and no kubeadm default: null). */
  value: string | null;
  /** The occurrence that decides it (null: kubeadm's default or absent). */
  flag: FlagFact | null;
}

/** The effective value of a scalar flag: the last occurrence; on a kubeadm extraArgs carrier, else kubeadm's own argument. */
export function effective(set: FlagSetFact, name: string): Effective {
  const f = lastFlag(set, name);
  if (f) return { value: f.value ?? "", flag: f };
  if (set.carrier === "extraArgs") {
    const d = KUBEADM_DEFAULTS[set.component]?.[name];
    if (d !== undefined) return { value: d, flag: null };
  }
  return { value: null, flag: null };
}

/** A bool flag's effective value (a bare flag is true); null when absent or unparsable. */
export function effectiveBool(set: FlagSetFact, name: string): boolean | null {
  const e = effective(set, name);
  if (e.value === null) return null;
  if (e.flag && e.flag.value === null) return true;
  return parseGoBool(e.value.trim());
}

export interface ListItem {
  item: string;
  flag: FlagFact | null;
  /** The item's own range when the value text is written literally, else the flag's value. */
  node: Snap | null;
}

/** Items of a string-slice flag over every occurrence (comma-split; kubeadm's default when none on a kubeadm carrier). */
export function listValues(set: FlagSetFact, name: string): ListItem[] | null {
  const out: ListItem[] = [];
  let seen = false;
  for (const f of set.flags) {
    if (f.name !== name || f.value === null) continue;
    seen = true;
    const literal = f.vr !== null && f.vr[1] - f.vr[0] === f.value.length;
    let offset = 0;
    for (const part of f.value.split(",")) {
      const lead = part.length - part.trimStart().length;
      const item = part.trim();
      if (item) out.push({ item, flag: f, node: literal ? { r: [f.vr![0] + offset + lead, f.vr![0] + offset + lead + item.length] } : valueNode(f) });
      offset += part.length + 1;
    }
  }
  if (seen) return out;
  if (set.carrier === "extraArgs") {
    const d = KUBEADM_DEFAULTS[set.component]?.[name];
    if (d !== undefined) return d.split(",").map((item) => ({ item, flag: null, node: null }));
  }
  return null;
}

/** Enabled admission plugins (`--enable-admission-plugins` minus `--disable-admission-plugins`), with their items. */
export function enabledPlugins(set: FlagSetFact): Map<string, ListItem> {
  const out = new Map<string, ListItem>();
  for (const it of listValues(set, "enable-admission-plugins") ?? []) if (!out.has(it.item)) out.set(it.item, it);
  // The deprecated --admission-control works like --enable-admission-plugins.
  for (const it of listValues(set, "admission-control") ?? []) if (!out.has(it.item)) out.set(it.item, it);
  for (const it of listValues(set, "disable-admission-plugins") ?? []) out.delete(it.item);
  return out;
}

/** The node a finding about a missing flag is reported on: the `command`/`args`/`extraArgs` key, or the unit's flag set. */
export function setAnchor(e: SetEntry): Snap {
  if (!e.obj) return { r: [e.set.r[0], e.set.r[0]] };
  if (e.set.flags.length === 0 && e.set.carrier === "extraArgs" && !findByRange(e.obj.snap, e.set.r)) return { r: e.set.r };
  const found = findByRange(e.obj.snap, e.set.r);
  if (found?.k) return { r: found.k };
  return found ?? { r: e.set.r };
}

function findByRange(root: Snap, r: [number, number]): Snap | null {
  if (root.r[0] === r[0] && root.r[1] === r[1] && (root.m || root.s)) return root;
  if (root.r[0] > r[0] || root.r[1] < r[1]) return null;
  for (const [, v] of entries(root)) {
    const hit = findByRange(v, r);
    if (hit) return hit;
  }
  for (const v of root.s ?? []) {
    if (!v) continue;
    const hit = findByRange(v, r);
    if (hit) return hit;
  }
  return null;
}

/** Whether a written path can be matched (absolute, no unexpanded variables or template placeholders). */
export function isConcretePath(p: string | null): p is string {
  return p !== null && p.startsWith("/") && !/[$]|\{\{|<[^>]*>/u.test(p);
}

function segments(p: string): string[] {
  return p.split(/[\\/]+/u).filter((s) => s !== "" && s !== ".");
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Trailing segments a file path shares with a written path. */
export function trailingMatch(file: string, written: string): number {
  const f = segments(file);
  const w = segments(written);
  let n = 0;
  while (n < f.length && n < w.length && f[f.length - 1 - n] === w[w.length - 1 - n]) n++;
  return n;
}

/** The nearest items to `from` (all that share the longest common folder prefix). */
export function nearest<T>(from: string, list: T[], fileOf: (t: T) => string): T[] {
  if (list.length <= 1) return list;
  const base = segments(dirname(from));
  const score = (t: T): number => commonPrefix(base, segments(dirname(fileOf(t))));
  const best = Math.max(...list.map(score));
  return list.filter((t) => score(t) === best);
}

/**
 * The objects of the run a written path names (see the module doc): best trailing match, ties by
 * nearness; else the only accepted document of the referring file. Empty when nothing matches.
 */
export function resolvePath(index: ObjectIndex, from: string, written: string, accept: (o: Obj) => boolean, self?: Obj): Obj[] {
  const candidates = index.objects.filter((o) => o !== self && accept(o));
  let best = 0;
  let hits: Obj[] = [];
  for (const o of candidates) {
    const n = trailingMatch(o.file, written);
    if (n === 0) continue;
    if (n > best) {
      best = n;
      hits = [o];
    } else if (n === best) hits.push(o);
  }
  if (hits.length) {
    const files = nearest(from, [...new Set(hits.map((h) => h.file))], (f) => f);
    return hits.filter((h) => files.includes(h.file));
  }
  const local = candidates.filter((o) => o.file === from);
  return local;
}

export const isKind =
  (kind: string, group?: string) =>
  (o: Obj): boolean =>
    o.kind === kind && (group === undefined || apiGroup(o.fact.apiVersion) === group);

export const isEncryptionConfig = isKind("EncryptionConfiguration", "apiserver.config.k8s.io");
export const isAuditPolicy = isKind("Policy", "audit.k8s.io");
export const isKubeletConfig = isKind("KubeletConfiguration", "kubelet.config.k8s.io");
export const isKubeconfig = (o: Obj): boolean => o.kind === "Config" && o.fact.apiVersion === "v1";
export const isAdmissionConfig = (o: Obj): boolean =>
  o.kind === "AdmissionConfiguration" && ["apiserver.config.k8s.io/v1", "apiserver.config.k8s.io/v1alpha1", "apiserver.k8s.io/v1alpha1"].includes(o.fact.apiVersion ?? "");

// ---------------------------------------------------------------------------------------------
// Pod volumes: does a path inside the container exist, and from which volume?

/** kubeadm's own kube-apiserver hostPath mounts (kubeadm `phases/controlplane/volumes.go`). */
export const KUBEADM_APISERVER_MOUNTS = ["/etc/kubernetes/pki", "/etc/ssl/certs", "/etc/ca-certificates", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates", "/etc/pki"];

export interface Mount {
  mountPath: string;
  readOnly: boolean;
  /** The volume's source type (`hostPath`, `secret` …), or null when the volume is not defined. */
  source: string | null;
  hostPath: string | null;
  node: Snap | null;
}

function normal(p: string): string {
  const s = p.replace(/\/+/gu, "/");
  return s.length > 1 ? s.replace(/\/$/u, "") : s;
}

export function isUnder(path: string, dir: string): boolean {
  const p = normal(path);
  const d = normal(dir);
  return p === d || d === "/" || p.startsWith(`${d}/`);
}

/**
 * The mounts of the container that carries a flag set: a pod's `volumeMounts` joined with its
 * `volumes` by name, or kubeadm `apiServer.extraVolumes` plus kubeadm's own mounts. Null when the
 * carrier has no mounts to speak of (a systemd unit runs on the host: every path is visible).
 */
export function mountsOf(e: SetEntry): Mount[] | null {
  const obj = e.obj;
  if (!obj) return null;
  if (e.set.carrier === "extraArgs") {
    const part = e.set.component === "kube-apiserver" ? "apiServer" : e.set.component === "kube-controller-manager" ? "controllerManager" : e.set.component === "kube-scheduler" ? "scheduler" : null;
    if (!part) return null;
    const out: Mount[] = [];
    if (part === "apiServer") for (const m of KUBEADM_APISERVER_MOUNTS) out.push({ mountPath: m, readOnly: true, source: "hostPath", hostPath: m, node: null });
    if (part !== "apiServer") out.push({ mountPath: "/etc/kubernetes/pki", readOnly: true, source: "hostPath", hostPath: "/etc/kubernetes/pki", node: null });
    for (const v of items(at(obj.snap, part, "extraVolumes"))) {
      const mp = str(at(v, "mountPath"));
      if (mp === null) continue;
      out.push({ mountPath: mp, readOnly: at(v, "readOnly")?.v === true, source: "hostPath", hostPath: str(at(v, "hostPath")), node: v });
    }
    return out;
  }
  for (const path of obj.fact.podSpecPaths) {
    const spec = at(obj.snap, ...path);
    for (const list of ["containers", "initContainers"]) {
      for (const c of items(at(spec, list))) {
        if (str(at(c, "name")) !== e.set.container) continue;
        const volumes = new Map<string, Snap>();
        for (const v of items(at(spec, "volumes"))) {
          const n = str(at(v, "name"));
          if (n !== null) volumes.set(n, v);
        }
        return items(at(c, "volumeMounts")).flatMap((m) => {
          const mp = str(at(m, "mountPath"));
          if (mp === null) return [];
          const vol = volumes.get(str(at(m, "name")) ?? "");
          const source = vol ? (entries(vol).find(([k]) => k !== "name")?.[0] ?? null) : null;
          return [{ mountPath: mp, readOnly: at(m, "readOnly")?.v === true, source, hostPath: vol ? str(at(vol, "hostPath", "path")) : null, node: m }];
        });
      }
    }
  }
  return null;
}

/** The mount that makes `path` visible (the deepest one), or null. */
export function mountFor(mounts: Mount[], path: string): Mount | null {
  let best: Mount | null = null;
  for (const m of mounts) {
    if (m.source === null) continue;
    if (isUnder(path, m.mountPath) && (!best || normal(m.mountPath).length > normal(best.mountPath).length)) best = m;
  }
  return best;
}

/** Whether the carrier is a static pod (kind Pod: only hostPath volumes can bring host files in). */
export function isStaticPod(e: SetEntry): boolean {
  return e.obj?.kind === "Pod";
}

// ---------------------------------------------------------------------------------------------
// kubeconfig checks (catalog-config.md §1.11) decidable on a snapshot (user values are withheld;
// their keys are kept).

export interface KubeconfigProblem {
  rule: string;
  what: string;
  node: Snap;
}

/** The §1.11 problems of a kubeconfig that make it unsafe (or unusable) for a component. */
export function kubeconfigProblems(cfg: Obj): KubeconfigProblem[] {
  const out: KubeconfigProblem[] = [];
  for (const c of items(at(cfg.snap, "clusters"))) {
    const name = str(at(c, "name")) ?? "(unnamed)";
    const body = at(c, "cluster");
    const insecure = at(body, "insecure-skip-tls-verify");
    const hasCa = at(body, "certificate-authority") !== null || at(body, "certificate-authority-data") !== null;
    if (insecure?.v === true) {
      out.push(
        hasCa
          ? { rule: "kubeconfig-ca-and-insecure", what: `cluster '${name}' sets both a CA and insecure-skip-tls-verify (client-go refuses it)`, node: insecure }
          : { rule: "kubeconfig-insecure-skip-tls-verify", what: `cluster '${name}' skips TLS verification (insecure-skip-tls-verify: true)`, node: insecure },
      );
    }
    const server = at(body, "server");
    if (/^http:\/\//iu.test(str(server) ?? "")) out.push({ rule: "kubeconfig-server-http", what: `cluster '${name}' uses the plain-http server ${str(server)}`, node: server! });
    const proxy = at(body, "proxy-url");
    if (/^http:\/\//iu.test(str(proxy) ?? "")) out.push({ rule: "kubeconfig-proxy-http", what: `cluster '${name}' goes through a plain-http proxy`, node: proxy! });
  }
  for (const u of items(at(cfg.snap, "users"))) {
    const name = str(at(u, "name")) ?? "(unnamed)";
    const body = at(u, "user");
    const password = at(body, "password");
    if (password && at(body, "username")) out.push({ rule: "kubeconfig-basic-auth", what: `user '${name}' authenticates with a plain-text password (basic auth)`, node: { r: password.k ?? password.r } });
    const token = at(body, "token");
    if (token) out.push({ rule: "kubeconfig-static-token", what: `user '${name}' holds a literal bearer token`, node: { r: token.k ?? token.r } });
  }
  return out;
}


// ---------------------------------------------------------------------------------------------
// Kubelets of a run: a kubelet flag set (systemd unit, kubeadm kubeletExtraArgs) with the
// KubeletConfiguration its --config names when that file is in the run, or a KubeletConfiguration
// no flag set names (its flags unknown: none assumed).

export interface Kubelet {
  file: string;
  /** Where a finding on this kubelet goes. */
  obj: Obj;
  anchor: Snap;
  set: SetEntry | null;
  config: Obj | null;
}

/** The `kind` key of a document (an anchor for documents without metadata.name). */
export function kindAnchor(o: Obj): Snap {
  const k = at(o.snap, "kind");
  return k?.k ? { r: k.k } : (k ?? o.snap);
}

/** The kubelet's --config path: the flag, or kubeadm's /var/lib/kubelet/config.yaml for kubeletExtraArgs (kubeadm's drop-in passes it). */
export function kubeletConfigPath(e: SetEntry): string | null {
  const v = effective(e.set, "config").value;
  if (v !== null) return v;
  return e.set.carrier === "extraArgs" ? "/var/lib/kubelet/config.yaml" : null;
}

export function kubeletsOf(index: ObjectIndex): Kubelet[] {
  const out: Kubelet[] = [];
  const named = new Set<Obj>();
  for (const e of setsOf(index, "kubelet")) {
    const cfg = effective(e.set, "config");
    const path = kubeletConfigPath(e);
    let config: Obj | null = null;
    if (isConcretePath(path)) {
      const t = resolvePath(index, e.file, path, isKubeletConfig, e.obj ?? undefined);
      if (t.length === 1) config = t[0]!;
    }
    if (config) named.add(config);
    out.push({ file: e.file, obj: setObj(e), anchor: cfg.flag ? valueNode(cfg.flag) : setAnchor(e), set: e, config });
  }
  for (const o of index.objects) {
    if (!isKubeletConfig(o) || named.has(o)) continue;
    out.push({ file: o.file, obj: o, anchor: kindAnchor(o), set: null, config: o });
  }
  return out;
}

export type KubeletValue = { value: string | boolean | null; node: Snap | null } | null;

/**
 * A kubelet setting: the flag (last occurrence) wins, else the KubeletConfiguration field, else the
 * config default (with --config) or the legacy command-line default (without). null = unknown
 * (--config names a file that is not in the run).
 */
export function kubeletSetting(k: Kubelet, flag: string, path: string[], legacy: string | boolean | null, withConfig: string | boolean | null): KubeletValue {
  if (k.set) {
    const f = lastFlag(k.set.set, flag);
    if (f) {
      const v = f.value === null ? true : typeof withConfig === "boolean" || typeof legacy === "boolean" ? (parseGoBool(f.value.trim()) ?? f.value) : f.value;
      return { value: v, node: valueNode(f) };
    }
  }
  if (k.config) {
    const s = at(k.config.snap, ...path);
    if (s && s.v !== undefined && s.v !== null) return { value: typeof s.v === "number" ? String(s.v) : s.v, node: s };
    return { value: withConfig, node: null };
  }
  if (k.set && (k.set.set.hasConfigFile || k.set.set.carrier === "extraArgs")) return null;
  return { value: legacy, node: null };
}

/** Folder depth of the run's common folder. */
export function runRootDepth(index: ObjectIndex): number {
  const dirs = index.files.map((f) => segments(dirname(f)));
  if (!dirs.length) return 0;
  let n = dirs[0]!.length;
  for (const d of dirs) n = Math.min(n, commonPrefix(dirs[0]!, d));
  return n;
}

/**
 * The items of `list` that belong with `from` (same cluster, as far as files tell): those sharing
 * the deepest folder with it below the run's common folder; when they share only the run's common
 * folder, all of them only if `single` (the run has one item of `from`'s kind, e.g. one API
 * server: one cluster), else none.
 */
export function pairNear<T>(index: ObjectIndex, from: string, list: T[], fileOf: (t: T) => string, single: boolean): T[] {
  if (!list.length) return [];
  const base = segments(dirname(from));
  const score = (t: T): number => commonPrefix(base, segments(dirname(fileOf(t))));
  const best = Math.max(...list.map(score));
  if (best <= runRootDepth(index) && !single) return [];
  return list.filter((t) => score(t) === best);
}
