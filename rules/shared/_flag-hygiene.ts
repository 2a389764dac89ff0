/**
 * @fileoverview Facts shared by the generic flag-hygiene rules of catalog-config.md §1.0
 * (flag-duplicate-conflict, flag-bool-space-value, flag-underscore-name, flag-removed,
 * flag-deprecated-config-preferred, component-tls-min-version-weak, component-tls-weak-ciphers):
 * which flags are bools, which repeat by appending, the weak TLS cipher suites, and small
 * position/edit helpers that work on every FlagSet carrier (static-pod command/args, kubeadm
 * extraArgs, systemd units).
 */
import type { FlagNode, FlagSetNode } from "../../src/language/ast.js";
import { BOOL_FLAGS } from "../../src/language/flags.js";
import { isUnitEtcdEnvFlag } from "../../src/language/systemd.js";
import { canEdit } from "../../src/fix/index.js";
import type { K8sSourceCode } from "../../src/language/source-code.js";
import type { RuleTextEdit } from "../../src/rule.js";

/**
 * Bool flags per component (pflag `BoolVar` in the component's options, and Go `flag.Bool` for
 * etcd v3.5/v3.6); the table lives in src/language/flags.ts, whose systemd `ExecStart=` reader
 * needs it too. Used to read `--flag false` (space) and to compare bare `--flag` with `=true`.
 */
export { BOOL_FLAGS };

/** Flags common to the pflag components whose repetition appends or merges (slices, maps). */
const COMMON_APPEND = ["feature-gates", "tls-cipher-suites", "tls-sni-cert-key", "allow-metric-labels", "disabled-metrics", "emulated-version", "vmodule", "requestheader-allowed-names", "requestheader-username-headers", "requestheader-group-headers", "requestheader-extra-headers-prefix", "requestheader-uid-headers"];

/**
 * Flags whose repetition is not a conflict: pflag string slices append after the first
 * occurrence, map flags merge (catalog-config.md §0.1, §3.1). etcd's Go `flag` values replace on
 * every occurrence, except its component-base feature gates.
 */
export const APPEND_FLAGS: Record<string, ReadonlySet<string>> = {
  "kube-apiserver": new Set([
    ...COMMON_APPEND,
    "enable-admission-plugins",
    "disable-admission-plugins",
    "admission-control",
    "authorization-mode",
    "etcd-servers",
    "etcd-servers-overrides",
    "cors-allowed-origins",
    "api-audiences",
    "service-account-issuer",
    "service-account-key-file",
    "runtime-config",
    "kubelet-preferred-address-types",
    "oidc-signing-algs",
    "oidc-required-claim",
    "watch-cache-sizes",
    "strict-transport-security-directives",
  ]),
  "kube-controller-manager": new Set([...COMMON_APPEND, "controllers", "authorization-always-allow-paths"]),
  "kube-scheduler": new Set([...COMMON_APPEND, "authorization-always-allow-paths"]),
  kubelet: new Set([
    ...COMMON_APPEND,
    "node-labels",
    "register-with-taints",
    "cluster-dns",
    "allowed-unsafe-sysctls",
    "eviction-hard",
    "eviction-soft",
    "eviction-soft-grace-period",
    "eviction-minimum-reclaim",
    "kube-reserved",
    "system-reserved",
    "qos-reserved",
    "enforce-node-allocatable",
    "reserved-memory",
    "cpu-manager-policy-options",
    "topology-manager-policy-options",
    "manifest-url-header",
  ]),
  "kube-proxy": new Set([...COMMON_APPEND, "nodeport-addresses"]),
  etcd: new Set(["feature-gates"]),
};

export function isBoolFlag(component: string, name: string): boolean {
  return BOOL_FLAGS[component]?.has(name) ?? false;
}

/** Go strconv.ParseBool literals (pflag and Go's flag package). */
export const BOOL_LITERAL = /^(?:1|0|t|f|T|F|true|false|TRUE|FALSE|True|False)$/u;

/** Whether a static-pod flag was written as two items (`- --name` / `- value`). */
export function isTwoItemForm(f: FlagNode): boolean {
  return (f.carrier === "command" || f.carrier === "args") && f.valueRange !== null && f.node !== null && f.valueRange[0] > f.node.range[1];
}

/** Human label of where a flag occurrence is written. */
export function carrierLabel(f: FlagNode): string {
  switch (f.carrier) {
    case "command":
      return "static-pod command";
    case "args":
      return "static-pod args";
    case "extraArgs":
      return "kubeadm extraArgs";
    case "systemd":
      return "systemd ExecStart";
    case "environment":
      return f.node || isUnitEtcdEnvFlag(f) ? "ETCD_* env var" : "environment variable";
  }
}

/**
 * Go's `crypto/tls` insecure cipher suites (`tls.InsecureCipherSuites()`), which the Kubernetes
 * flag references list under "Insecure values", plus every `TLS_RSA_WITH_*` suite (RSA key
 * exchange: no forward secrecy; catalog-config.md §1.0).
 */
const GO_INSECURE = new Set([
  "TLS_RSA_WITH_RC4_128_SHA",
  "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
  "TLS_RSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
  "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
  "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
]);

/** Why a cipher suite name is weak, or null when it is not. */
export function weakCipherReason(name: string): string | null {
  const n = name.trim();
  if (GO_INSECURE.has(n) || /_RC4_|_3DES_|_CBC_SHA256$/u.test(n)) {
    if (n.includes("RC4")) return "RC4 is broken";
    if (n.includes("3DES")) return "3DES has a 64-bit block (Sweet32)";
    return "CBC with SHA-256 is open to Lucky13-style timing attacks";
  }
  if (n.startsWith("TLS_RSA_WITH_")) return "RSA key exchange has no forward secrecy";
  return null;
}

/** Replace one flag occurrence's value text; null unless the value is written literally and editable. */
export function replaceFlagValue(sourceCode: K8sSourceCode, f: FlagNode, value: string): RuleTextEdit[] | null {
  if (!f.valueRange || f.value === null) return null;
  const [vs, ve] = f.valueRange;
  if (sourceCode.text.slice(vs, ve) !== f.value) return null;
  if (f.carrier === "systemd") {
    if (!f.editable || !/^[A-Za-z0-9_.,:/=+-]*$/u.test(value)) return null;
  } else if (f.carrier === "environment" || !canEdit(sourceCode, vs, ve)) return null;
  if (!/^[A-Za-z0-9_.,:/=+-]*$/u.test(value)) return null;
  return [{ range: [vs, ve], text: value }];
}

/** Occurrences of a flag in a set, in order. */
export function occurrencesOf(set: FlagSetNode, name: string): FlagNode[] {
  return set.flags.filter((f) => f.name === name);
}
