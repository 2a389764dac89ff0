/**
 * @fileoverview `flagRule`: the table-driven factory behind the control-plane flag rules of
 * catalog-config.md §1.1–§1.4 (kube-apiserver, kube-controller-manager, kube-scheduler, etcd).
 * One spec = one catalog row = one rule with its own id and docs page.
 *
 * Semantics (catalog-config.md §0, §3):
 * - Carriers: static-pod `command` + `args` (kubeadm's /etc/kubernetes/manifests/*.yaml), kubeadm
 *   `ClusterConfiguration` `apiServer|controllerManager|scheduler.extraArgs` / `etcd.local.extraArgs`
 *   (v1beta3 map, v1beta4 list), and systemd units (`kube-apiserver.service`, `etcd.service`, …:
 *   `ExecStart=` with `\` continuations, `$VAR`/`${VAR}` from `Environment=` and `EnvironmentFile=`,
 *   etcd's `ETCD_*` variables). A ClusterConfiguration with no `extraArgs` for the component is
 *   evaluated too (kubeadm then writes only its own defaults). A unit whose `ExecStart=` uses a
 *   variable of an `EnvironmentFile=` that is not in the run (or, for etcd, that has such a file at
 *   all) is not judged on absent flags: they may be set there.
 * - Fixes write in the carrier's syntax (src/fix/flags.ts, src/fix/systemd.ts): a list item, a
 *   kubeadm extraArgs entry, or an `ExecStart=` word (a new `  --flag=value` continuation line in
 *   the unit's own style, a value edited in place, a word or whole continuation line deleted).
 *   Flags read from an environment file or an `ETCD_*` variable are reported, not edited.
 * - Effective value: the last occurrence of a scalar flag wins; list flags (`kind: "list"`) append
 *   across occurrences; underscores in names are normalised (done by src/language/flags.ts).
 * - Bool flags (`kind: "bool"`): a bare `--flag` is true; `--flag false` (space) is true too (pflag
 *   does not take a separate value for a bool flag); values are Go `strconv.ParseBool` literals.
 * - Absent flag: the component's default for the target version (`defaultValue(minor)`); on a
 *   kubeadm carrier, the value kubeadm writes itself when extraArgs does not set the flag
 *   (`KUBEADM_DEFAULTS`, kubeadm `manifests.go`: "kubeadm defaults overridden by extraArgs").
 * - Target version: the image tag of a static pod, a ClusterConfiguration's `kubernetesVersion`,
 *   else `settings.kubeguard.kubernetesVersion`, else 1.34.
 * - Fix verdicts: "safe" → a fix; "hardening" → `reportHardening` (suggestion in ESLint, fix under
 *   `kubeguard --fix`); "suggest" → a suggestion only, never applied by any `--fix`.
 */
import type { FlagNode, FlagSetNode, MapNode, PairNode, Range, ResourceNode, YamlNode } from "../../src/language/ast.js";
import { etcdUnknownEnvFlags } from "../../src/language/flags.js";
import { unitFlagSetInfo } from "../../src/language/systemd.js";
import { apiGroup } from "../../src/language/k8s.js";
import { asMap, getMap, getPair, getString } from "../../src/language/query.js";
import { isSpaceForm, removeFlag, removeFromListFlag, setFlag } from "../../src/fix/flags.js";
import { canEdit, setIn } from "../../src/fix/index.js";
import { createRule, reportHardening } from "../../src/rule.js";
import type { FixFunction, K8sRuleContext, K8sRuleDefinition, Preset, RuleEquivalents, RuleTextEdit, Severity } from "../../src/rule.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";

export const DEFAULT_KUBERNETES_MINOR = 34;

/**
 * The arguments kubeadm writes into the control-plane static pods itself (kubeadm
 * `cmd/kubeadm/app/phases/controlplane/manifests.go` and `…/phases/etcd/local.go`, default
 * `certificatesDir: /etc/kubernetes/pki`, local etcd). extraArgs override them by name. Only the
 * presence and the security-relevant values matter to the rules; node-specific values (advertise
 * addresses, names) are written as placeholders.
 */
export const KUBEADM_DEFAULTS: Record<string, Record<string, string>> = {
  "kube-apiserver": {
    "advertise-address": "<node-ip>",
    "allow-privileged": "true",
    "authorization-mode": "Node,RBAC",
    "client-ca-file": "/etc/kubernetes/pki/ca.crt",
    "enable-admission-plugins": "NodeRestriction",
    "enable-bootstrap-token-auth": "true",
    "etcd-cafile": "/etc/kubernetes/pki/etcd/ca.crt",
    "etcd-certfile": "/etc/kubernetes/pki/apiserver-etcd-client.crt",
    "etcd-keyfile": "/etc/kubernetes/pki/apiserver-etcd-client.key",
    "etcd-servers": "https://127.0.0.1:2379",
    "kubelet-client-certificate": "/etc/kubernetes/pki/apiserver-kubelet-client.crt",
    "kubelet-client-key": "/etc/kubernetes/pki/apiserver-kubelet-client.key",
    "kubelet-preferred-address-types": "InternalIP,ExternalIP,Hostname",
    "proxy-client-cert-file": "/etc/kubernetes/pki/front-proxy-client.crt",
    "proxy-client-key-file": "/etc/kubernetes/pki/front-proxy-client.key",
    "requestheader-allowed-names": "front-proxy-client",
    "requestheader-client-ca-file": "/etc/kubernetes/pki/front-proxy-ca.crt",
    "requestheader-extra-headers-prefix": "X-Remote-Extra-",
    "requestheader-group-headers": "X-Remote-Group",
    "requestheader-username-headers": "X-Remote-User",
    "secure-port": "6443",
    "service-account-issuer": "https://kubernetes.default.svc.cluster.local",
    "service-account-key-file": "/etc/kubernetes/pki/sa.pub",
    "service-account-signing-key-file": "/etc/kubernetes/pki/sa.key",
    "service-cluster-ip-range": "10.96.0.0/12",
    "tls-cert-file": "/etc/kubernetes/pki/apiserver.crt",
    "tls-private-key-file": "/etc/kubernetes/pki/apiserver.key",
  },
  "kube-controller-manager": {
    "authentication-kubeconfig": "/etc/kubernetes/controller-manager.conf",
    "authorization-kubeconfig": "/etc/kubernetes/controller-manager.conf",
    "bind-address": "127.0.0.1",
    "client-ca-file": "/etc/kubernetes/pki/ca.crt",
    "cluster-name": "kubernetes",
    "cluster-signing-cert-file": "/etc/kubernetes/pki/ca.crt",
    "cluster-signing-key-file": "/etc/kubernetes/pki/ca.key",
    controllers: "*,bootstrapsigner,tokencleaner",
    kubeconfig: "/etc/kubernetes/controller-manager.conf",
    "leader-elect": "true",
    "requestheader-client-ca-file": "/etc/kubernetes/pki/front-proxy-ca.crt",
    "root-ca-file": "/etc/kubernetes/pki/ca.crt",
    "service-account-private-key-file": "/etc/kubernetes/pki/sa.key",
    "use-service-account-credentials": "true",
  },
  "kube-scheduler": {
    "authentication-kubeconfig": "/etc/kubernetes/scheduler.conf",
    "authorization-kubeconfig": "/etc/kubernetes/scheduler.conf",
    "bind-address": "127.0.0.1",
    kubeconfig: "/etc/kubernetes/scheduler.conf",
    "leader-elect": "true",
  },
  etcd: {
    "advertise-client-urls": "https://<node-ip>:2379",
    "cert-file": "/etc/kubernetes/pki/etcd/server.crt",
    "client-cert-auth": "true",
    "data-dir": "/var/lib/etcd",
    "initial-advertise-peer-urls": "https://<node-ip>:2380",
    "initial-cluster": "<node-name>=https://<node-ip>:2380",
    "key-file": "/etc/kubernetes/pki/etcd/server.key",
    "listen-client-urls": "https://127.0.0.1:2379,https://<node-ip>:2379",
    "listen-metrics-urls": "http://127.0.0.1:2381",
    "listen-peer-urls": "https://<node-ip>:2380",
    name: "<node-name>",
    "peer-cert-file": "/etc/kubernetes/pki/etcd/peer.crt",
    "peer-client-cert-auth": "true",
    "peer-key-file": "/etc/kubernetes/pki/etcd/peer.key",
    "peer-trusted-ca-file": "/etc/kubernetes/pki/etcd/ca.crt",
    "snapshot-count": "10000",
    "trusted-ca-file": "/etc/kubernetes/pki/etcd/ca.crt",
  },
};

/** ClusterConfiguration path of each component's extraArgs parent. */
const KUBEADM_COMPONENT_PATH: Record<string, string[]> = {
  "kube-apiserver": ["apiServer"],
  "kube-controller-manager": ["controllerManager"],
  "kube-scheduler": ["scheduler"],
  etcd: ["etcd", "local"],
};

/** Go's strconv.ParseBool (pflag and Go's flag package); null when the text is not a bool. */
export function parseGoBool(value: string): boolean | null {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return null;
}

/** Split a comma list flag value (pflag string slices are CSV; surrounding blanks dropped). */
export function listItems(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `v1.30.2`, `1.30`, `v1.31.0-rc.1` → 30; null when unparsable. */
export function minorOf(version: unknown): number | null {
  if (typeof version !== "string" && typeof version !== "number") return null;
  const m = /^v?1\.(\d+)(?:\.|$|-|\+)/u.exec(String(version).trim());
  return m ? Number(m[1]) : null;
}

/** Host part of a URL (`https://[::1]:2379` → `::1`), lower-cased; null when not a URL. */
export function urlHost(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]*\]|[^/:?#]*)/iu.exec(url.trim());
  if (!m) return null;
  return m[1]!.replace(/^\[|\]$/gu, "").toLowerCase();
}

/** Loopback hosts: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/u.test(host) || host === "::1" || host === "0:0:0:0:0:0:0:1";
}

/** What a rule sees about the flag set being evaluated. */
export interface FlagCheckContext {
  set: FlagSetNode | null;
  component: string;
  /** Kubernetes minor version the flags are meant for. */
  minor: number;
  /** Whether kubeadm builds the command line (extraArgs carrier / ClusterConfiguration). */
  kubeadm: boolean;
  /** The flag being evaluated (for multi-flag rows). */
  flag: string;
  /** Whether the flag is written (or, on kubeadm carriers, written by kubeadm itself). */
  has(name: string): boolean;
  /** Effective value of another scalar flag as written (last occurrence; bare flag ""), or kubeadm's value; null when absent. */
  value(name: string): string | null;
  /** Items of a list flag over all its occurrences (or kubeadm's value). */
  items(name: string): string[];
  /**
   * Effective value of another bool flag with pflag semantics (bare `--name` and the space form
   * `--name false` are true), or kubeadm's value; null when absent or not a Go bool literal.
   */
  bool(name: string): boolean | null;
  /** The resource the flags belong to (static Pod, kubeadm ClusterConfiguration, …), when known. */
  resource: ResourceNode | null;
}

export type FlagFixSpec =
  /** Set the flag to a value (edit the effective occurrence, or add the flag). Null value: no edit. */
  | { kind: "set"; value: string | ((ctx: FlagCheckContext, current: string | null) => string | null) }
  /** Delete every occurrence of the flag. */
  | { kind: "remove" }
  /** Remove one item from every occurrence of a list flag that holds it. */
  | { kind: "remove-item"; item: string }
  /** Add one item to a list flag (to its last occurrence, or add the flag with the effective list + item). */
  | { kind: "append-item"; item: string };

export interface FlagRuleSpec {
  id: string;
  description: string;
  severity: Severity;
  /** Defaults to "problem". */
  type?: "problem" | "suggestion";
  /** Defaults to ["recommended"] plus "cis" when `cis` is given. */
  presets?: Preset[];
  cis?: string[];
  equivalents?: RuleEquivalents;
  component: string;
  /** The flag(s) of the row, without dashes; each is evaluated on its own. */
  flags: string[];
  kind: "scalar" | "bool" | "list";
  /** Value when absent (component default for the version), null when the flag has no default. */
  defaultValue?(minor: number, flag: string): string | null;
  /**
   * Whether the effective value is insecure. `value` is null when the flag is absent and has no
   * default; for bool flags it is "true"/"false"; for list flags the items joined with ",".
   */
  insecureWhen(value: string | null, ctx: FlagCheckContext): boolean;
  /** Skip the whole flag set (another mechanism decides, e.g. `--authorization-config`). */
  skip?(ctx: FlagCheckContext): boolean;
  /** The edit, or a function of the context for version-dependent edits. */
  fix: FlagFixSpec | ((ctx: FlagCheckContext) => FlagFixSpec | null) | null;
  /** Text for the {{detail}} placeholder of the messages (e.g. version-dependent consequences). */
  detail?(value: string | null, ctx: FlagCheckContext): string;
  /** "safe": always a fix; "hardening": suggestion (fix under `kubeguard --fix`); "suggest": suggestion only. */
  fixMode: "safe" | "hardening" | "suggest";
  /** Only offer the edit when this holds (e.g. delete --auto-tls only when real certificates are set). */
  fixWhen?(ctx: FlagCheckContext): boolean;
  messages: {
    /** Flag written with an insecure effective value. Placeholders: {{flag}}, {{value}}, {{carrier}}. */
    present: string;
    /** Flag absent; the default (or nothing) applies. Placeholders: {{flag}}, {{default}}, {{carrier}}. */
    absent: string;
    /** The fix / suggestion text. Placeholders: {{flag}}, {{value}}. */
    fix: string;
  };
}

type MessageIds = "present" | "absent" | "spaceForm" | "fix";

const CARRIER_LABEL: Record<string, string> = {
  command: "static-pod command",
  args: "static-pod args",
  extraArgs: "kubeadm extraArgs",
  systemd: "systemd unit",
  environment: "environment file",
  clusterConfiguration: "kubeadm ClusterConfiguration, set by kubeadm's defaults",
};

function isKubeadmClusterConfiguration(r: ResourceNode | null | undefined): boolean {
  return !!r && r.kind === "ClusterConfiguration" && apiGroup(r.apiVersion) === "kubeadm.k8s.io";
}

/** The Kubernetes minor the flags are meant for. */
export function targetMinor(set: FlagSetNode | null, resource: ResourceNode | null, settingsVersion: unknown): number {
  if (set?.containerNode) {
    const image = getString(set.containerNode.node, "image") ?? "";
    const tag = /:([^:@/]+)(?:@.*)?$/u.exec(image)?.[1];
    const m = minorOf(tag);
    if (m !== null) return m;
  }
  const r = resource ?? set?.resource ?? null;
  if (isKubeadmClusterConfiguration(r)) {
    const m = minorOf(getString(asMap(r!.node), "kubernetesVersion"));
    if (m !== null) return m;
  }
  return minorOf(settingsVersion) ?? DEFAULT_KUBERNETES_MINOR;
}

/** Whether a kubeadm ClusterConfiguration uses an external etcd (then kubeadm writes no local etcd and takes the apiserver's etcd-* flags from `etcd.external`). */
function externalEtcd(r: ResourceNode | null | undefined): boolean {
  return kubeadmExternalEtcd(r);
}

/** Whether a resource is a kubeadm ClusterConfiguration with `etcd.external` (kubeadm then takes the apiserver's etcd-* flags from there). */
export function kubeadmExternalEtcd(r: ResourceNode | null | undefined): boolean {
  return isKubeadmClusterConfiguration(r) && getMap(getMap(r!.node, "etcd"), "external") !== null;
}

/**
 * The occurrence of etcd's `--config-file` (or `ETCD_CONFIG_FILE`) that takes effect, when it names
 * a file: etcd then ignores every other flag and `ETCD_*` variable (catalog-config.md §0.5).
 */
export function etcdConfigFile(set: FlagSetNode | null): FlagNode | null {
  if (!set || set.component !== "etcd") return null;
  const occ = occurrences(set, "config-file");
  const last = occ[occ.length - 1];
  return last && (last.value ?? "").trim() !== "" ? last : null;
}

/** Occurrences of a flag in a set. */
function occurrences(set: FlagSetNode | null, name: string): FlagNode[] {
  return set ? set.flags.filter((f) => f.name === name) : [];
}

/**
 * Whether a command/args flag was written `--name value` (two items). src/fix/flags.ts
 * `isSpaceForm` also answers true for an empty `--name=` (its value range starts where the item
 * ends), so it is only trusted together with this strict check.
 */
function spaceForm(f: FlagNode): boolean {
  return isSpaceForm(f) && f.valueRange !== null && f.node !== null && f.valueRange[0] > f.node.range[1];
}

/** Whether a command/args occurrence is the empty `--name=` form. */
function emptyEqualsForm(f: FlagNode): boolean {
  return (f.carrier === "command" || f.carrier === "args") && f.value === "" && f.valueRange !== null && f.node !== null && f.valueRange[0] === f.node.range[1];
}

/** Set a flag, working around setFlag treating an empty `--name=` item as the two-item form. */
function setFlagValue(sourceCode: K8sSourceCode, set: FlagSetNode, name: string, value: string): RuleTextEdit[] | null {
  const occ = occurrences(set, name);
  const last = occ[occ.length - 1];
  if (last && emptyEqualsForm(last)) {
    const at = last.valueRange![0];
    const s = last.node?.type === "Scalar" ? last.node : null;
    // Only plain items, and values that stay a plain scalar.
    if (!last.editable || !s || s.style !== "PLAIN" || !/^[\w./:,=@+-]+$/u.test(value) || !canEdit(sourceCode, at)) return null;
    return [{ range: [at, at], text: value }];
  }
  return setFlag(sourceCode, set, name, value);
}

/** The value one occurrence stands for (bool flags: bare and space forms are "true"). */
function occurrenceValue(spec: FlagRuleSpec, f: FlagNode): string | null {
  if (spec.kind === "bool") {
    if (f.value === null || spaceForm(f)) return "true";
    const b = parseGoBool(f.value.trim());
    return b === null ? null : String(b);
  }
  return f.value;
}

function makeContext(spec: FlagRuleSpec, set: FlagSetNode | null, resource: ResourceNode | null, minor: number, flag: string): FlagCheckContext {
  const kubeadm = set ? set.carrier === "extraArgs" : true;
  const kubeadmDefaults = kubeadm ? (KUBEADM_DEFAULTS[spec.component] ?? {}) : {};
  const ext = kubeadm && externalEtcd(resource ?? set?.resource);
  const kubeadmValue = (name: string): string | null => {
    // With an external etcd, kubeadm takes the apiserver's etcd-* values from etcd.external (kubeadm-etcd-external-insecure checks those).
    if (ext && spec.component === "kube-apiserver" && name.startsWith("etcd-")) return null;
    return kubeadmDefaults[name] ?? null;
  };
  const value = (name: string): string | null => {
    const occ = occurrences(set, name);
    if (occ.length) return occ[occ.length - 1]!.value ?? "";
    return kubeadmValue(name);
  };
  const items = (name: string): string[] => {
    const occ = occurrences(set, name);
    if (occ.length) return occ.flatMap((f) => listItems(f.value));
    return listItems(kubeadmValue(name));
  };
  return {
    set,
    component: spec.component,
    minor,
    kubeadm,
    flag,
    has: (name) => occurrences(set, name).length > 0 || kubeadmValue(name) !== null,
    bool: (name) => {
      const occ = occurrences(set, name);
      const last = occ[occ.length - 1];
      if (last) return last.value === null || spaceForm(last) ? true : parseGoBool(last.value.trim());
      const v = kubeadmValue(name);
      return v === null ? null : parseGoBool(v.trim());
    },
    resource: resource ?? set?.resource ?? null,
    value,
    items,
  };
}

function fixFrom(edits: RuleTextEdit[] | null): FixFunction | null {
  return edits && edits.length ? () => edits : null;
}

/** Edits that set a flag on a ClusterConfiguration that has no extraArgs for the component. */
function kubeadmMissingExtraArgsEdits(sourceCode: K8sSourceCode, resource: ResourceNode, component: string, flag: string, value: string): RuleTextEdit[] | null {
  const path = KUBEADM_COMPONENT_PATH[component];
  if (!path) return null;
  const v1beta4 = resource.apiVersion === "kubeadm.k8s.io/v1beta4";
  if (!v1beta4) return setIn(sourceCode, resource.node, [...path, "extraArgs"], flag, JSON.stringify(value));
  return setIn(sourceCode, resource.node, path, "extraArgs", `[{name: ${flag}, value: ${JSON.stringify(value)}}]`);
}

export function flagRule(spec: FlagRuleSpec): K8sRuleDefinition<MessageIds, []> {
  const presets: Preset[] = spec.presets ?? (spec.cis?.length ? ["recommended", "cis"] : ["recommended"]);
  return createRule<MessageIds, []>({
    name: spec.id,
    meta: {
      type: spec.type ?? "problem",
      docs: {
        description: spec.description,
        severity: spec.severity,
        presets,
        ...(spec.cis?.length ? { standards: { cis: spec.cis } } : {}),
        ...(spec.equivalents ? { equivalents: spec.equivalents } : {}),
      },
      messages: {
        present: spec.messages.present,
        absent: spec.messages.absent,
        spaceForm: `${spec.messages.present} ('--{{flag}} {{written}}' is written with a space: a bool flag takes no separate value, so it is true and '{{written}}' becomes a stray argument.)`,
        fix: spec.messages.fix,
      },
      ...(spec.fix && spec.fixMode !== "suggest" ? { fixable: "code" as const } : {}),
      ...(spec.fix && spec.fixMode !== "safe" ? { hasSuggestions: true } : {}),
      schema: [],
    },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode;
      const settingsVersion = context.settings.kubeguard?.kubernetesVersion;

      const report = (node: { range: Range }, messageId: MessageIds, data: Record<string, string>, edits: RuleTextEdit[] | null, fixData: Record<string, string>): void => {
        const fix = fixFrom(edits);
        if (!fix) {
          context.report({ node, messageId, data });
        } else if (spec.fixMode === "safe") {
          context.report({ node, messageId, data, fix });
        } else if (spec.fixMode === "hardening") {
          reportHardening(context as K8sRuleContext<MessageIds, []>, { node, messageId, data }, { messageId: "fix", data: fixData, fix });
        } else {
          context.report({ node, messageId, data, suggest: [{ messageId: "fix", data: fixData, fix }] });
        }
      };

      /** The value to write for a "set" / "append-item" fix. */
      const fixOf = (ctx: FlagCheckContext): FlagFixSpec | null => (typeof spec.fix === "function" ? spec.fix(ctx) : spec.fix);
      const wantedValue = (ctx: FlagCheckContext, current: string | null): string | null => {
        const f = fixOf(ctx);
        if (!f) return null;
        if (f.kind === "set") return typeof f.value === "function" ? f.value(ctx, current) : f.value;
        if (f.kind === "append-item") return current === null || current === "" ? f.item : `${current},${f.item}`;
        return null;
      };

      const evaluateSet = (set: FlagSetNode): void => {
        if (set.component !== spec.component) return;
        const resource = set.resource ?? null;
        if (set.carrier === "extraArgs" && spec.component === "etcd" && externalEtcd(resource)) return;
        // etcd with --config-file ignores all other flags and ETCD_* env (etcd-config-file-shadows-flags reports it).
        if (etcdConfigFile(set)) return;
        const minor = targetMinor(set, resource, settingsVersion);
        if (spec.skip?.(makeContext(spec, set, resource, minor, spec.flags[0]!))) return;
        const unknownEnv = set.component === "etcd" ? etcdUnknownEnvFlags(set) : [];
        // A unit: absent flags may come from an environment file that is not in the run.
        const unit = unitFlagSetInfo(set);
        const absentUnknown = !!unit && (unit.unknownVariables.length > 0 || (set.component === "etcd" && unit.unknownEnvironment));
        for (const flag of spec.flags) {
          const ctx = makeContext(spec, set, resource, minor, flag);
          const occ = occurrences(set, flag);
          // Set by an ETCD_* variable whose value comes from elsewhere (valueFrom): unknown, not absent.
          if (!occ.length && (absentUnknown || unknownEnv.includes(flag))) continue;
          const canFix = !spec.fixWhen || spec.fixWhen(ctx);
          if (!occ.length) {
            const kubeadmValue = ctx.kubeadm ? ctx.value(flag) : null;
            const effective = kubeadmValue ?? spec.defaultValue?.(minor, flag) ?? null;
            if (!spec.insecureWhen(effective, ctx)) continue;
            const base = ctx.kubeadm ? kubeadmValue : spec.defaultValue?.(minor, flag) ?? null;
            const want = canFix ? wantedValue(ctx, base) : null;
            const edits = want !== null ? setFlagValue(sourceCode, set, flag, want) : null;
            // A unit: on the ExecStart= command word.
            const node = set.container ?? (unit ? { range: unit.commandRange } : set);
            report(node, "absent", { flag, default: effective ?? "unset", carrier: CARRIER_LABEL[set.carrier] ?? set.carrier, detail: spec.detail?.(effective, ctx) ?? "" }, edits, { flag, value: want ?? "" });
            continue;
          }
          // Effective value: scalar → last occurrence; list → every occurrence appended.
          let effective: string | null;
          if (spec.kind === "list") effective = occ.flatMap((f) => listItems(f.value)).join(",");
          else effective = occurrenceValue(spec, occ[occ.length - 1]!);
          if (effective === null) continue; // not a valid value: the component refuses to start (another rule's finding)
          if (!spec.insecureWhen(effective, ctx)) continue;
          const carrier = CARRIER_LABEL[set.carrier] ?? set.carrier;
          const detail = spec.detail?.(effective, ctx) ?? "";
          const f = fixOf(ctx);
          if (f?.kind === "remove-item") {
            for (const o of occ) {
              const items = listItems(o.value);
              if (!items.includes(f.item)) continue;
              const edits = canFix && items.filter((i) => i === f.item).length === 1 ? removeFromListFlag(sourceCode, set, o, f.item) : null;
              report({ range: o.range }, "present", { flag, value: o.value ?? "", carrier, detail }, edits, { flag, value: f.item });
            }
            continue;
          }
          const last = occ[occ.length - 1]!;
          let edits: RuleTextEdit[] | null = null;
          const spaceBool = spec.kind === "bool" && last.value !== null && spaceForm(last);
          if (canFix && f && !spaceBool) {
            if (f.kind === "remove") {
              const all = occ.map((o) => removeFlag(sourceCode, set, o));
              edits = all.every((e) => e !== null) ? all.flatMap((e) => e!) : null;
            } else {
              const current = spec.kind === "list" ? (last.value ?? "") : effective;
              const want = wantedValue(ctx, current);
              edits = want !== null ? setFlagValue(sourceCode, set, flag, want) : null;
            }
          }
          const wantText = f?.kind === "set" ? (wantedValue(ctx, effective) ?? "") : f?.kind === "append-item" ? f.item : "";
          if (spaceBool) report({ range: last.range }, "spaceForm", { flag, value: effective, written: last.value ?? "", carrier, detail }, null, {});
          else report({ range: last.range }, "present", { flag, value: last.value ?? effective, carrier, detail }, edits, { flag, value: wantText });
        }
      };

      return {
        FlagSet: evaluateSet,
        Resource(resource) {
          // A ClusterConfiguration without extraArgs for the component: kubeadm writes only its defaults.
          if (!isKubeadmClusterConfiguration(resource)) return;
          const path = KUBEADM_COMPONENT_PATH[spec.component];
          if (!path) return;
          if (resource.flagSets.some((s) => s.component === spec.component)) return;
          if (spec.component === "etcd" && externalEtcd(resource)) return;
          const minor = targetMinor(null, resource, settingsVersion);
          // Report on the component's key when written (apiServer:, etcd: local:), else on `kind:`.
          let at: PairNode | null = null;
          let map: MapNode | null = resource.node;
          for (const seg of path) {
            const p = getPair(map, seg);
            if (!p) break;
            at = p;
            map = asMap(p.value);
          }
          const node: { range: Range } = at ?? getPair(resource.node, "kind") ?? resource.node;
          if (spec.skip?.(makeContext(spec, null, resource, minor, spec.flags[0]!))) return;
          for (const flag of spec.flags) {
            const ctx = makeContext(spec, null, resource, minor, flag);
            const kubeadmValue = ctx.value(flag);
            const effective = kubeadmValue ?? spec.defaultValue?.(minor, flag) ?? null;
            if (!spec.insecureWhen(effective, ctx)) continue;
            const want = !spec.fixWhen || spec.fixWhen(ctx) ? wantedValue(ctx, kubeadmValue) : null;
            const edits = want !== null && valueIsEditable(sourceCode, node) ? kubeadmMissingExtraArgsEdits(sourceCode, resource, spec.component, flag, want) : null;
            report(node, "absent", { flag, default: effective ?? "unset", carrier: CARRIER_LABEL.clusterConfiguration!, detail: spec.detail?.(effective, ctx) ?? "" }, edits, { flag, value: want ?? "" });
          }
        },
      };
    },
  });
}

function valueIsEditable(sourceCode: K8sSourceCode, node: { range: Range } | YamlNode): boolean {
  return canEdit(sourceCode, node.range[0], node.range[1]);
}
