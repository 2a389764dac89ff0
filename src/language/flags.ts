/**
 * @fileoverview Component flags (`--name=value`) wherever YAML carries them: static-pod
 * `command`/`args` (`--a=b` and `--a b`) and kubeadm `extraArgs` / `kubeletExtraArgs` (v1beta3 map,
 * v1beta4 list of {name, value}), and etcd's `ETCD_*` variables (a static pod's `env`, kubeadm v1beta4
 * `etcd.local.extraEnvs`). Systemd units are handled in systemd.ts.
 */
import { link } from "./ast.js";
import type { ContainerNode, FlagCarrier, FlagNode, FlagSetNode, MapNode, Range, ResourceNode, ScalarNode, SeqNode, YamlNode } from "./ast.js";
import { apiGroup } from "./k8s.js";
import { asMap, asScalar, get, getMap, getPair, getSeq, getString, keyName, scalarString, seqItems } from "./query.js";

export const COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy", "cloud-controller-manager"] as const;

/** Kubelet boolean flags: pflag never consumes the next word as their value (`--flag false` is true). */
export const KUBELET_BOOL_FLAGS: ReadonlySet<string> = new Set([
  "anonymous-auth",
  "authentication-token-webhook",
  "enable-server",
  "enable-debugging-handlers",
  "enable-controller-attach-detach",
  "fail-swap-on",
  "make-iptables-util-chains",
  "protect-kernel-defaults",
  "rotate-certificates",
  "rotate-server-certificates",
  "register-node",
  "serialize-image-pulls",
  "cgroups-per-qos",
  "kernel-memcg-notification",
  "localstorage-capacity-isolation",
  "exit-on-lock-contention",
  "seccomp-default",
  "read-only-port-enabled",
  "logtostderr",
  "alsologtostderr",
  "version",
  "help",
]);

/** Logging flags every Kubernetes component (klog) has as bools. */
const KLOG_BOOLS = ["logtostderr", "alsologtostderr", "one-output", "skip-headers", "skip-log-headers", "add-dir-header"];
const SERVING_BOOLS = ["permit-port-sharing", "permit-address-sharing", "authentication-skip-lookup", "authentication-tolerate-lookup-failure"];

/**
 * Bool flags per component (pflag `BoolVar` in the component's options, and Go `flag.Bool` for
 * etcd v3.5/v3.6). A bool flag never takes the next word of a command line as its value
 * (`--profiling false` is `--profiling=true` plus a stray argument), so the systemd `ExecStart=`
 * reader must know them; rules use them to read `--flag false` and to compare bare `--flag` with `=true`.
 */
export const BOOL_FLAGS: Record<string, ReadonlySet<string>> = {
  "kube-apiserver": new Set([
    ...KLOG_BOOLS,
    ...SERVING_BOOLS,
    "allow-privileged",
    "anonymous-auth",
    "profiling",
    "contention-profiling",
    "enable-bootstrap-token-auth",
    "enable-aggregator-routing",
    "enable-garbage-collector",
    "enable-logs-handler",
    "enable-priority-and-fairness",
    "service-account-lookup",
    "service-account-extend-token-expiration",
    "kubelet-https",
    "audit-log-compress",
    "audit-log-truncate-enabled",
    "audit-webhook-truncate-enabled",
    "audit-log-batch-throttle-enable",
    "audit-webhook-batch-throttle-enable",
    "watch-cache",
  ]),
  "kube-controller-manager": new Set([
    ...KLOG_BOOLS,
    ...SERVING_BOOLS,
    "profiling",
    "contention-profiling",
    "use-service-account-credentials",
    "leader-elect",
    "allocate-node-cidrs",
    "configure-cloud-routes",
    "enable-dynamic-provisioning",
    "enable-garbage-collector",
    "enable-hostpath-provisioner",
    "enable-taint-manager",
  ]),
  "kube-scheduler": new Set([...KLOG_BOOLS, ...SERVING_BOOLS, "profiling", "contention-profiling", "leader-elect"]),
  kubelet: KUBELET_BOOL_FLAGS,
  "kube-proxy": new Set([...KLOG_BOOLS, "masquerade-all", "profiling", "cleanup", "bind-address-hard-fail"]),
  "cloud-controller-manager": new Set([...KLOG_BOOLS, ...SERVING_BOOLS, "profiling", "contention-profiling", "use-service-account-credentials", "leader-elect", "allocate-node-cidrs", "configure-cloud-routes"]),
  etcd: new Set([
    "client-cert-auth",
    "peer-client-cert-auth",
    "auto-tls",
    "peer-auto-tls",
    "enable-pprof",
    "strict-reconfig-check",
    "force-new-cluster",
    "enable-v2",
    "enable-grpc-gateway",
    "pre-vote",
    "socket-reuse-port",
    "socket-reuse-address",
    "experimental-peer-skip-client-san-verification",
    "peer-skip-client-san-verification",
    "experimental-initial-corrupt-check",
    "experimental-enable-distributed-tracing",
    "experimental-enable-lease-checkpoint",
    "experimental-memory-mlock",
    "enable-log-rotation",
  ]),
};

/** Normalise a flag name: strip dashes, underscores → dashes (pflag's normalisation in Kubernetes). */
export function normaliseFlagName(raw: string): string {
  return raw.replace(/^-+/u, "").replace(/_/gu, "-");
}

/** The component a command word names (`/usr/local/bin/kube-apiserver` → `kube-apiserver`). */
export function componentOf(word: string): string | null {
  const base = word.trim().split("/").pop() ?? "";
  for (const c of COMPONENTS) if (base === c) return c;
  // Hyperkube style: `hyperkube kube-apiserver` handled by caller; `kube-apiserver-amd64` images.
  for (const c of COMPONENTS) if (base.startsWith(`${c}-`) || base === `${c}.exe`) return c;
  return null;
}

/**
 * Offset of a scalar's raw text (inside quotes) when the written text equals its value, so
 * sub-ranges can be computed. Null when escapes or folding make offsets unreliable.
 */
export function literalTextStart(text: string, s: ScalarNode): number | null {
  const raw = text.slice(s.range[0], s.range[1]);
  const value = scalarString(s);
  if (value === null) return null;
  if (s.style === "PLAIN") return raw === value ? s.range[0] : null;
  if (s.style === "QUOTE_DOUBLE" || s.style === "QUOTE_SINGLE") return raw.slice(1, -1) === value ? s.range[0] + 1 : null;
  return null;
}

function flagFromScalar(text: string, s: ScalarNode, component: string, carrier: FlagCarrier): FlagNode | null {
  const v = scalarString(s);
  if (v === null || !v.startsWith("-") || v === "-" || v === "--") return null;
  const start = literalTextStart(text, s);
  const body = v.replace(/^-+/u, "");
  const dashes = v.length - body.length;
  const eq = body.indexOf("=");
  const rawName = eq === -1 ? body : body.slice(0, eq);
  const value = eq === -1 ? null : body.slice(eq + 1);
  const editable = start !== null;
  const base = start ?? s.range[0];
  const nameRange: Range = editable ? [base + dashes, base + dashes + rawName.length] : [s.range[0], s.range[1]];
  const valueRange: Range | null = value === null ? null : editable ? [base + dashes + rawName.length + 1, base + v.length] : [s.range[0], s.range[1]];
  return {
    type: "Flag",
    component,
    name: normaliseFlagName(rawName),
    rawName,
    value,
    carrier,
    nameRange,
    valueRange,
    node: s,
    editable,
    range: [s.range[0], s.range[1]],
  };
}

/** Flags from a static-pod container's `command` + `args`. */
export function containerFlagSet(text: string, container: ContainerNode): FlagSetNode | null {
  const command = getSeq(container.node, "command");
  const args = getSeq(container.node, "args");
  const cmdItems = seqItems(command);
  let component: string | null = null;
  let startIdx = 0;
  for (let i = 0; i < cmdItems.length && i < 2; i++) {
    const w = scalarString(cmdItems[i]);
    if (w === null) break;
    const c = componentOf(w);
    if (c) {
      component = c;
      startIdx = i + 1;
      break;
    }
  }
  if (!component) {
    // No command: the image decides; recognise the component by image name when args are flags.
    const image = getString(container.node, "image") ?? "";
    const imgBase = image.split("@")[0]!.split(":")[0]!.split("/").pop() ?? "";
    component = componentOf(imgBase);
    if (!component || cmdItems.length) return null;
  }
  const flags: FlagNode[] = [];
  const collect = (items: YamlNode[], carrier: FlagCarrier): void => {
    for (let i = 0; i < items.length; i++) {
      const s = asScalar(items[i]);
      if (!s) continue;
      const f = flagFromScalar(text, s, component!, carrier);
      if (!f) continue;
      if (f.value === null) {
        // `--name value` form: the next item is the value when it is not itself a flag.
        const next = asScalar(items[i + 1] ?? null);
        const nv = next ? scalarString(next) : null;
        if (next && nv !== null && !nv.startsWith("-")) {
          const ns = literalTextStart(text, next);
          f.value = nv;
          f.valueRange = ns !== null ? [ns, ns + nv.length] : [next.range[0], next.range[1]];
          f.range = [s.range[0], next.range[1]];
          f.editable = f.editable && ns !== null;
          i++;
        }
      }
      flags.push(f);
    }
  };
  collect(cmdItems.slice(startIdx), "command");
  collect(seqItems(args), "args");
  const unknownEnv: string[] = [];
  if (component === "etcd") flags.unshift(...etcdEnvFlags(text, getSeq(container.node, "env"), new Set(flags.map((f) => f.name)), unknownEnv, false));
  const set = {
    type: "FlagSet",
    component,
    carrier: args && !command ? "args" : "command",
    flags,
    container: command ?? args ?? null,
    hasConfigFile: flags.some((f) => f.name === "config" || f.name === "config-file"),
    range: (command ?? args ?? container.node).range,
  } as unknown as FlagSetNode;
  link(set, "containerNode", container);
  link(set, "resource", container.resource);
  if (component === "etcd") etcdEnvUnknown.set(set, unknownEnv);
  return set;
}

const etcdEnvUnknown = new WeakMap<FlagSetNode, string[]>();

/**
 * Flags of an etcd container whose value is set by an `ETCD_*` env var this file cannot resolve
 * (`valueFrom`): their effective value is unknown, not absent.
 */
export function etcdUnknownEnvFlags(set: FlagSetNode): string[] {
  return etcdEnvUnknown.get(set) ?? [];
}

/**
 * etcd reads every flag also from an `ETCD_<UPPER_SNAKE>` env var (etcd `pkg/flags`
 * `SetFlagsFromEnv`): an env var is used only when the flag is not on the command line (flags
 * beat env) and when it is not empty. They become Flag nodes with carrier "environment" and
 * `rawName` the flag name they stand for, placed before the command-line flags; `editable` is
 * false for a container's `env` (fixes do not rewrite env entries) and true for kubeadm
 * `etcd.local.extraEnvs` entries written literally (fixes edit or remove the entry, src/fix/flags.ts).
 */
function etcdEnvFlags(text: string, env: SeqNode | null, onCommandLine: ReadonlySet<string>, unknown: string[], editable: boolean): FlagNode[] {
  const out: FlagNode[] = [];
  const seen = new Map<string, number>();
  for (const item of seqItems(env)) {
    const m = asMap(item);
    if (!m) continue;
    const np = getPair(m, "name");
    const envName = scalarString(np?.value ?? null);
    if (envName === null || !np || !/^ETCD_[A-Z0-9_]+$/u.test(envName)) continue;
    const name = envName.slice(5).toLowerCase().replace(/_/gu, "-");
    if (onCommandLine.has(name)) continue;
    const vp = getPair(m, "value");
    if (!vp && getPair(m, "valueFrom")) {
      unknown.push(name);
      continue;
    }
    const vs = asScalar(vp?.value ?? null);
    const value = vs ? scalarString(vs) : null;
    if (value === null || value === "") continue; // empty: etcd ignores the variable
    const vstart = literalTextStart(text, vs!);
    const ns = asScalar(np.value)!;
    const flag: FlagNode = {
      type: "Flag",
      component: "etcd",
      name,
      rawName: name,
      value,
      carrier: "environment",
      nameRange: [ns.range[0], ns.range[1]],
      valueRange: vstart !== null ? [vstart, vstart + value.length] : [vs!.range[0], vs!.range[1]],
      node: vp!,
      editable: editable && vstart !== null,
      range: [m.range[0], Math.max(np.range[1], vp!.range[1])],
    };
    // The same variable twice: Kubernetes keeps the last definition.
    const prev = seen.get(name);
    if (prev !== undefined) out[prev] = flag;
    else {
      seen.set(name, out.length);
      out.push(flag);
    }
  }
  return out;
}

/** Flags from a kubeadm `extraArgs` (v1beta3 map or v1beta4 list of {name, value}). */
export function extraArgsFlagSet(text: string, extraArgs: YamlNode, component: string, resource: ResourceNode): FlagSetNode {
  const flags: FlagNode[] = [];
  if (extraArgs.type === "Map") {
    for (const p of extraArgs.pairs) {
      const k = keyName(p);
      const ks = asScalar(p.key);
      if (k === null || !ks) continue;
      const vs = asScalar(p.value);
      const value = vs ? scalarString(vs) : null;
      const vstart = vs ? literalTextStart(text, vs) : null;
      flags.push({
        type: "Flag",
        component,
        name: normaliseFlagName(k),
        rawName: k,
        value: value ?? "",
        carrier: "extraArgs",
        nameRange: [ks.range[0], ks.range[1]],
        valueRange: vs ? (vstart !== null && value !== null ? [vstart, vstart + value.length] : [vs.range[0], vs.range[1]]) : null,
        node: p,
        editable: vs !== null,
        range: p.range,
      });
    }
  } else if (extraArgs.type === "Seq") {
    for (const item of seqItems(extraArgs)) {
      const m = asMap(item);
      if (!m) continue;
      const np = getPair(m, "name");
      const vp = getPair(m, "value");
      const name = scalarString(np?.value ?? null);
      if (name === null || !np) continue;
      const ns = asScalar(np.value)!;
      const vs = asScalar(vp?.value ?? null);
      const value = vs ? scalarString(vs) : null;
      const vstart = vs ? literalTextStart(text, vs) : null;
      flags.push({
        type: "Flag",
        component,
        name: normaliseFlagName(name),
        rawName: name,
        value: value ?? "",
        carrier: "extraArgs",
        nameRange: [ns.range[0], ns.range[1]],
        valueRange: vs ? (vstart !== null && value !== null ? [vstart, vstart + value.length] : [vs.range[0], vs.range[1]]) : null,
        node: vp ?? np,
        editable: vs !== null,
        range: m.range,
      });
    }
  }
  return kubeadmFlagSet(resource, component, flags, extraArgs, extraArgs.range);
}

/** A kubeadm `extraArgs` flag set (`container`: the extraArgs node, null when the config has none). */
function kubeadmFlagSet(resource: ResourceNode, component: string, flags: FlagNode[], container: YamlNode | null, range: Range): FlagSetNode {
  const set = { type: "FlagSet", component, carrier: "extraArgs", flags, container, hasConfigFile: false, range } as unknown as FlagSetNode;
  link(set, "containerNode", null);
  link(set, "resource", resource);
  return set;
}

/** kubeadm config kinds → where each component's extra args live. */
const KUBEADM_EXTRA_ARGS: Record<string, [string[], string][]> = {
  ClusterConfiguration: [
    [["apiServer", "extraArgs"], "kube-apiserver"],
    [["controllerManager", "extraArgs"], "kube-controller-manager"],
    [["scheduler", "extraArgs"], "kube-scheduler"],
    [["etcd", "local", "extraArgs"], "etcd"],
  ],
  InitConfiguration: [[["nodeRegistration", "kubeletExtraArgs"], "kubelet"]],
  JoinConfiguration: [[["nodeRegistration", "kubeletExtraArgs"], "kubelet"]],
};

function getPath(map: MapNode, path: string[]): YamlNode | null {
  let cur: MapNode | null = map;
  for (let i = 0; i < path.length - 1; i++) cur = getMap(cur, path[i]!);
  return cur ? get(cur, path[path.length - 1]!) : null;
}

/**
 * The etcd flags kubeadm writes into its local etcd static pod itself (kubeadm
 * `cmd/kubeadm/app/phases/etcd/local.go` `getEtcdCommand`; the same names as `KUBEADM_DEFAULTS.etcd`
 * in rules/shared/_flag-rule.ts, which a test keeps equal). An `ETCD_*` variable for one of them
 * is dead: the command-line flag wins.
 */
export const KUBEADM_ETCD_FLAGS: ReadonlySet<string> = new Set([
  "advertise-client-urls",
  "cert-file",
  "client-cert-auth",
  "data-dir",
  "initial-advertise-peer-urls",
  "initial-cluster",
  "key-file",
  "listen-client-urls",
  "listen-metrics-urls",
  "listen-peer-urls",
  "name",
  "peer-cert-file",
  "peer-client-cert-auth",
  "peer-key-file",
  "peer-trusted-ca-file",
  "snapshot-count",
  "trusted-ca-file",
]);

/** kubeadm API versions without `extraEnvs` (added in v1beta4; older versions ignore the field). */
const KUBEADM_WITHOUT_EXTRA_ENVS = new Set(["kubeadm.k8s.io/v1beta1", "kubeadm.k8s.io/v1beta2", "kubeadm.k8s.io/v1beta3"]);

/** Where a kubeadm etcd FlagSet without `extraArgs` would add them (src/fix/flags.ts). */
const kubeadmMissingExtraArgs = new WeakMap<FlagSetNode, string[]>();
/** The `extraEnvs` list a kubeadm etcd FlagSet's environment flags come from. */
const kubeadmEnvLists = new WeakMap<FlagSetNode, SeqNode>();

/** The kubeadm `etcd.local.extraEnvs` list whose `ETCD_*` entries are in this set, if any. */
export function kubeadmExtraEnvs(set: FlagSetNode): SeqNode | null {
  return kubeadmEnvLists.get(set) ?? null;
}

/**
 * The path of the `extraArgs` a kubeadm FlagSet built from `extraEnvs` alone would get
 * (`["etcd", "local", "extraArgs"]`), or null when the set has its `extraArgs` (or is no such set).
 */
export function kubeadmExtraArgsToCreate(set: FlagSetNode): string[] | null {
  return kubeadmMissingExtraArgs.get(set) ?? null;
}

/**
 * kubeadm v1beta4 `etcd.local.extraEnvs` (a list of EnvVar `{name, value}` kubeadm puts into the
 * etcd static pod's `env`): etcd reads every flag from an `ETCD_<UPPER_SNAKE>` variable unless the
 * flag is on its command line, i.e. unless `extraArgs` or kubeadm itself writes it
 * (`KUBEADM_ETCD_FLAGS`). The effective variables join the etcd FlagSet (carrier "environment",
 * before the extraArgs flags); with no `extraArgs`, a FlagSet of their own stands for the
 * component (container null, range = the `local` pair). `extraEnvs` of apiServer /
 * controllerManager / scheduler carry no flags (pflag components do not read flags from the
 * environment). `etcd.external` means no local etcd: nothing is read.
 */
function addKubeadmEtcdEnv(text: string, resource: ResourceNode): void {
  if (KUBEADM_WITHOUT_EXTRA_ENVS.has(resource.apiVersion ?? "")) return;
  const etcd = getMap(resource.node, "etcd");
  if (getMap(etcd, "external")) return;
  const localPair = getPair(etcd, "local");
  const env = getSeq(getMap(etcd, "local"), "extraEnvs");
  if (!localPair || !env) return;
  let set = resource.flagSets.find((s) => s.component === "etcd") ?? null;
  const onCommandLine = new Set([...KUBEADM_ETCD_FLAGS, ...(set?.flags.map((f) => f.name) ?? [])]);
  const unknown: string[] = [];
  const envFlags = etcdEnvFlags(text, env, onCommandLine, unknown, true);
  if (!envFlags.length && !unknown.length) return;
  if (!set) {
    set = kubeadmFlagSet(resource, "etcd", [], null, localPair.range);
    kubeadmMissingExtraArgs.set(set, ["etcd", "local", "extraArgs"]);
    resource.flagSets.push(set);
  }
  set.flags.unshift(...envFlags);
  kubeadmEnvLists.set(set, env);
  (set as { hasConfigFile: boolean }).hasConfigFile = set.flags.some((f) => f.name === "config" || f.name === "config-file");
  if (unknown.length) etcdEnvUnknown.set(set, unknown);
}

/** Attach every FlagSet a resource carries. */
export function buildFlagSets(text: string, resource: ResourceNode): void {
  const group = apiGroup(resource.apiVersion);
  if (group === "kubeadm.k8s.io" && resource.kind) {
    for (const [path, component] of KUBEADM_EXTRA_ARGS[resource.kind] ?? []) {
      const node = getPath(resource.node, path);
      if (node && (node.type === "Map" || node.type === "Seq")) resource.flagSets.push(extraArgsFlagSet(text, node, component, resource));
    }
    if (resource.kind === "ClusterConfiguration") addKubeadmEtcdEnv(text, resource);
    return;
  }
  for (const ps of resource.podSpecs) {
    for (const c of ps.containers) {
      const fs = containerFlagSet(text, c);
      if (fs) resource.flagSets.push(fs);
    }
  }
}

/** The effective occurrence of a flag: the last one wins. */
export function effectiveFlag(set: FlagSetNode, name: string): FlagNode | null {
  let found: FlagNode | null = null;
  for (const f of set.flags) if (f.name === name) found = f;
  return found;
}

/** All values of a flag, in order (slices append; comma-separated values split). */
export function flagListValues(set: FlagSetNode, name: string): string[] {
  const out: string[] = [];
  for (const f of set.flags) {
    if (f.name !== name || f.value === null) continue;
    out.push(...f.value.split(",").map((s) => s.trim()).filter(Boolean));
  }
  return out;
}

export { keyName };
