/**
 * @fileoverview Shared helpers for the kubeadm rules (catalog-config.md §1.6, §3.3): which
 * documents are kubeadm configurations, where their extra-argument blocks live, the Kubernetes
 * minor they target, and credential placeholders (template variables are not literal secrets).
 */
import type { MapNode, PairNode, ResourceNode, YamlNode } from "../../src/language/ast.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, getMap, getPair, getString } from "../../src/language/query.js";
import { DEFAULT_KUBERNETES_MINOR, minorOf } from "./_flag-rule.js";

export const KUBEADM_GROUP = "kubeadm.k8s.io";

/** The version part of a kubeadm apiVersion (`kubeadm.k8s.io/v1beta4` → `v1beta4`), else null. */
export function kubeadmVersion(resource: ResourceNode): string | null {
  if (apiGroup(resource.apiVersion) !== KUBEADM_GROUP) return null;
  return resource.apiVersion!.slice(KUBEADM_GROUP.length + 1);
}

export function isKubeadm(resource: ResourceNode, ...kinds: string[]): boolean {
  return kubeadmVersion(resource) !== null && (kinds.length === 0 || kinds.includes(resource.kind ?? ""));
}

/** Whether the file holds at least one kubeadm configuration document. */
export function fileHasKubeadm(sourceCode: K8sSourceCode): boolean {
  return sourceCode.resources.some((r) => isKubeadm(r));
}

export interface ExtraArgsBlock {
  /** The `extraArgs` / `kubeletExtraArgs` pair. */
  pair: PairNode;
  /** Its value (a map in v1beta3, a list of `{name, value}` in v1beta4). */
  node: YamlNode;
  component: string;
  /** Dotted path for messages, e.g. `apiServer.extraArgs`. */
  path: string;
}

/** kubeadm kind → extra-argument locations (catalog-config.md §3.3). */
const EXTRA_ARGS: Record<string, [string[], string][]> = {
  ClusterConfiguration: [
    [["apiServer", "extraArgs"], "kube-apiserver"],
    [["controllerManager", "extraArgs"], "kube-controller-manager"],
    [["scheduler", "extraArgs"], "kube-scheduler"],
    [["etcd", "local", "extraArgs"], "etcd"],
  ],
  InitConfiguration: [[["nodeRegistration", "kubeletExtraArgs"], "kubelet"]],
  JoinConfiguration: [[["nodeRegistration", "kubeletExtraArgs"], "kubelet"]],
};

/** Every `extraArgs` / `kubeletExtraArgs` written in a kubeadm document. */
export function extraArgsBlocks(resource: ResourceNode): ExtraArgsBlock[] {
  const out: ExtraArgsBlock[] = [];
  if (!isKubeadm(resource)) return out;
  for (const [path, component] of EXTRA_ARGS[resource.kind ?? ""] ?? []) {
    let parent: MapNode | null = resource.node;
    for (const seg of path.slice(0, -1)) parent = getMap(parent, seg);
    const pair = getPair(parent, path[path.length - 1]!);
    if (!pair || !pair.value || !parent || !parent.pairs.includes(pair)) continue;
    out.push({ pair, node: pair.value, component, path: path.join(".") });
  }
  return out;
}

/**
 * The Kubernetes minor a kubeadm file targets: `kubernetesVersion` of a ClusterConfiguration in the
 * same file, else `settings.kubeguard.kubernetesVersion`, else the team default (1.34).
 */
export function kubeadmTargetMinor(sourceCode: K8sSourceCode, settingsVersion: unknown): number {
  for (const r of sourceCode.resources) {
    if (!isKubeadm(r, "ClusterConfiguration")) continue;
    const m = minorOf(getString(asMap(r.node), "kubernetesVersion"));
    if (m !== null) return m;
  }
  return minorOf(settingsVersion) ?? DEFAULT_KUBERNETES_MINOR;
}

/**
 * A value that is a template placeholder, not a literal credential: Helm/Jinja `{{ … }}`, shell or
 * envsubst `${VAR}` / `$VAR` / `$(…)`, `<token>` style placeholders, or an empty value.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === "") return true;
  return /\{\{.*\}\}|\$\{[^}]*\}|\$\([^)]*\)|^\$[A-Za-z_][A-Za-z0-9_]*$|^<[^<>]+>$|^%[A-Za-z_][A-Za-z0-9_]*%$/u.test(v);
}

/** Go `time.ParseDuration` total in nanoseconds (number precision is enough to tell zero); null when invalid. */
export function goDuration(text: string): number | null {
  const s = text.trim();
  if (s === "0" || s === "+0" || s === "-0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gu;
  const units: Record<string, number> = { ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
  const body = s.replace(/^[-+]/u, "");
  if (body === "") return null;
  let total = 0;
  let consumed = 0;
  for (const m of body.matchAll(re)) {
    if (m.index !== consumed) return null;
    consumed += m[0].length;
    total += Number(m[1]) * units[m[2]!]!;
  }
  return consumed === body.length ? total : null;
}
