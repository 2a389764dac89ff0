/**
 * @fileoverview Component flags (`--name=value`) wherever YAML carries them: static-pod
 * `command`/`args` (`--a=b` and `--a b`) and kubeadm `extraArgs` / `kubeletExtraArgs` (v1beta3 map,
 * v1beta4 list of {name, value}). Systemd units are handled in systemd.ts.
 */
import { link } from "./ast.js";
import type { ContainerNode, FlagCarrier, FlagNode, FlagSetNode, MapNode, Range, ResourceNode, ScalarNode, YamlNode } from "./ast.js";
import { apiGroup } from "./k8s.js";
import { asMap, asScalar, get, getMap, getPair, getSeq, getString, keyName, scalarString, seqItems } from "./query.js";

export const COMPONENTS = ["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd", "kubelet", "kube-proxy", "cloud-controller-manager"] as const;

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
  if (component === "etcd") flags.unshift(...etcdEnvFlags(text, container, flags, unknownEnv));
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
 * false (fixes do not rewrite env entries).
 */
function etcdEnvFlags(text: string, container: ContainerNode, cmdFlags: FlagNode[], unknown: string[]): FlagNode[] {
  const out: FlagNode[] = [];
  const onCommandLine = new Set(cmdFlags.map((f) => f.name));
  const seen = new Map<string, number>();
  for (const item of seqItems(getSeq(container.node, "env"))) {
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
      editable: false,
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
  const set = {
    type: "FlagSet",
    component,
    carrier: "extraArgs",
    flags,
    container: extraArgs,
    hasConfigFile: false,
    range: extraArgs.range,
  } as unknown as FlagSetNode;
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

/** Attach every FlagSet a resource carries. */
export function buildFlagSets(text: string, resource: ResourceNode): void {
  const group = apiGroup(resource.apiVersion);
  if (group === "kubeadm.k8s.io" && resource.kind) {
    for (const [path, component] of KUBEADM_EXTRA_ARGS[resource.kind] ?? []) {
      const node = getPath(resource.node, path);
      if (node && (node.type === "Map" || node.type === "Seq")) resource.flagSets.push(extraArgsFlagSet(text, node, component, resource));
    }
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
