/**
 * @fileoverview apiserver-admission-plugin-removed: `--enable-admission-plugins`,
 * `--disable-admission-plugins` or the legacy `--admission-control` names an admission plugin that
 * the target Kubernetes version no longer registers. kube-apiserver validates the names at start-up
 * and exits (`enable-admission-plugins plugin "PodSecurityPolicy" is unknown`).
 */
import type { FlagSetNode } from "../src/language/ast.js";
import { asMap, getString } from "../src/language/query.js";
import { removeFlag, removeFromListFlag } from "../src/fix/flags.js";
import { createRule } from "../src/rule.js";

/** Plugin → the first minor version (1.x) that no longer has it, with the upstream source. */
export const REMOVED_PLUGINS: Record<string, { removedIn: number; note: string }> = {
  PodPreset: { removedIn: 20, note: "removed in 1.20 with the settings.k8s.io API (kubernetes/kubernetes#94090)" },
  DenyEscalatingExec: { removedIn: 21, note: "removed in 1.21 (kubernetes/kubernetes#98669); use Pod Security admission" },
  DenyExecOnPrivileged: { removedIn: 21, note: "removed in 1.21 (kubernetes/kubernetes#98669); use Pod Security admission" },
  PodSecurityPolicy: { removedIn: 25, note: "removed in 1.25; its replacement is the built-in PodSecurity admission (on by default)" },
  SecurityContextDeny: { removedIn: 30, note: "removed in 1.30 (kubernetes/kubernetes#122612); use Pod Security admission" },
  PersistentVolumeLabel: { removedIn: 31, note: "removed in 1.31 (kubernetes/kubernetes#124505); use cloud-pv-admission-labeler" },
};

const LIST_FLAGS = ["enable-admission-plugins", "disable-admission-plugins", "admission-control"];

/** `v1.30.2`, `1.30`, `v1.31.0-rc.1` → 30 (the minor of Kubernetes 1.x); null when unparsable. */
export function minorOf(version: string | null | undefined): number | null {
  if (!version) return null;
  const m = /^v?1\.(\d+)(?:\.|$|-|\+)/u.exec(version.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The Kubernetes minor the flags are meant for: the kube-apiserver image tag (static pods), the
 * kubeadm `kubernetesVersion`, else `settings.kubeguard.kubernetesVersion`, else null (latest).
 */
function targetMinor(set: FlagSetNode, settingsVersion: unknown): number | null {
  const resource = set.resource;
  if (set.containerNode) {
    const image = getString(set.containerNode.node, "image") ?? "";
    const tag = /:([^:@/]+)(?:@.*)?$/u.exec(image)?.[1];
    const m = minorOf(tag);
    if (m !== null) return m;
  } else if (resource && resource.kind === "ClusterConfiguration") {
    const m = minorOf(getString(asMap(resource.node), "kubernetesVersion"));
    if (m !== null) return m;
  }
  return minorOf(typeof settingsVersion === "string" ? settingsVersion : settingsVersion == null ? null : String(settingsVersion));
}

export default createRule({
  name: "apiserver-admission-plugin-removed",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow admission plugins that the target Kubernetes version has removed (kube-apiserver refuses to start)",
      severity: "high",
      // No peer tool has this check: CIS 1.7–1.8 1.2.12, Checkov CKV_K8S_81/84 and Trivy KCV-0013
      // demand the removed plugins instead (see the docs).
      presets: ["recommended"],
    },
    messages: {
      removed:
        "--{{flag}} lists {{plugin}}, which kube-apiserver {{version}} does not have ({{note}}): the API server exits at start-up with 'plugin \"{{plugin}}\" is unknown'.",
      removePlugin: "Remove {{plugin}} from --{{flag}}.",
    },
    fixable: "code",
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      FlagSet(set) {
        if (set.component !== "kube-apiserver") return;
        const minor = targetMinor(set, context.settings.kubeguard?.kubernetesVersion);
        for (const flag of set.flags) {
          if (!LIST_FLAGS.includes(flag.name) || flag.value === null) continue;
          const items = flag.value.split(",").map((s) => s.trim()).filter(Boolean);
          const removed = items.filter((p) => {
            const r = REMOVED_PLUGINS[p];
            return r !== undefined && (minor === null || minor >= r.removedIn);
          });
          if (!removed.length) continue;
          // When every item is a removed plugin the whole flag goes (each report carries the same edit).
          const whole = removed.length === items.length ? removeFlag(sourceCode, set, flag) : null;
          for (const plugin of removed) {
            const edits = whole ?? (items.filter((i) => i === plugin).length === 1 ? removeFromListFlag(sourceCode, set, flag, plugin) : null);
            context.report({
              node: { range: flag.range },
              messageId: "removed",
              data: { flag: flag.name, plugin, version: minor === null ? `1.${REMOVED_PLUGINS[plugin]!.removedIn} and later` : `1.${minor}`, note: REMOVED_PLUGINS[plugin]!.note },
              fix: edits ? () => edits : null,
            });
          }
        }
      },
    };
  },
});
