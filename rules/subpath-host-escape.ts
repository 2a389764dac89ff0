/**
 * @fileoverview subpath-host-escape (catalog-workload.md §1E, version-gated): a `volumeMounts[*]`
 * entry with `subPath` or `subPathExpr` on a Kubernetes version whose kubelet is affected by
 * CVE-2021-25741 (kubernetes/kubernetes#104980): by swapping a path component for a symlink while
 * the kubelet prepares the mount, a container can have a file or directory from anywhere on the
 * node's filesystem mounted instead.
 *
 * Affected kubelets: every release before v1.19 (no fixed release in those lines), v1.19.0–v1.19.14,
 * v1.20.0–v1.20.10, v1.21.0–v1.21.4, v1.22.0–v1.22.1. Fixed: v1.19.15, v1.20.11, v1.21.5, v1.22.2
 * and every v1.23+. `settings.kubeguard.kubernetesVersion` is only major.minor; for 1.19–1.22 the
 * rule then says the release line is affected before its fixed patch, and the `kubeletVersion`
 * option (major.minor.patch) gives the exact answer.
 */
import { asMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerLabel, targetVersion } from "./shared/_part-a.js";

type Options = [{ kubeletVersion?: string }];

/** The first fixed patch release of each affected minor line (kubernetes/kubernetes#104980). */
export const FIXED_PATCH: Readonly<Record<number, number>> = { 19: 15, 20: 11, 21: 5, 22: 2 };

const FIXED_RELEASES = "v1.19.15, v1.20.11, v1.21.5, v1.22.2";

/** `[major, minor, patch]` of "1.21.4" / "v1.21.4"; null when it does not parse. */
export function parseFullVersion(v: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/u.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export type Exposure =
  /** The kubelet release is affected. `fixed`: the release to upgrade to. */
  | { kind: "affected"; version: string; fixed: string }
  /** Some patch releases of this minor line are affected (the patch level is unknown). */
  | { kind: "line"; version: string; fixed: string }
  | { kind: "fixed" };

/** Whether a kubelet of `major.minor[.patch]` is affected by CVE-2021-25741. */
export function exposure(major: number, minor: number, patch: number | null): Exposure {
  const version = patch === null ? `${major}.${minor}` : `${major}.${minor}.${patch}`;
  if (major !== 1 || minor >= 23) return { kind: "fixed" };
  const fixedPatch = FIXED_PATCH[minor];
  if (fixedPatch === undefined) return { kind: "affected", version, fixed: `one of ${FIXED_RELEASES} or a later release (the v1.${minor} line has no fixed release)` };
  const fixed = `v1.${minor}.${fixedPatch}`;
  if (patch === null) return { kind: "line", version, fixed };
  return patch < fixedPatch ? { kind: "affected", version, fixed: `${fixed} or later` } : { kind: "fixed" };
}

export default createRule<"affected" | "line", Options>({
  name: "subpath-host-escape",
  meta: {
    type: "problem",
    docs: {
      description: "Flag subPath volume mounts on Kubernetes versions affected by CVE-2021-25741",
      severity: "low",
      presets: [],
      equivalents: { kubescape: ["C-0058"] },
    },
    messages: {
      affected:
        "{{container}} mounts volume '{{volume}}' with {{field}} '{{value}}': kubelet {{version}} is affected by CVE-2021-25741 (a container can swap a path component for a symlink and have any file or directory of the node mounted instead). Upgrade the kubelets to {{fixed}}.",
      line:
        "{{container}} mounts volume '{{volume}}' with {{field}} '{{value}}': Kubernetes {{version}} kubelets before {{fixed}} are affected by CVE-2021-25741 (a container can swap a path component for a symlink and have any file or directory of the node mounted instead). Upgrade to {{fixed}} or later; if the nodes already run it, set this rule's kubeletVersion option to their exact version.",
    },
    schema: [
      {
        type: "object",
        properties: {
          kubeletVersion: {
            type: "string",
            pattern: "^v?\\d+\\.\\d+\\.\\d+$",
            description: "The exact kubelet version of the nodes (major.minor.patch, e.g. \"1.21.5\"); overrides settings.kubeguard.kubernetesVersion for this rule.",
          },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const full = options.kubeletVersion ? parseFullVersion(options.kubeletVersion) : null;
    const [major, minor] = full ?? targetVersion(context);
    const exp = exposure(major, minor, full ? full[2] : null);
    if (exp.kind === "fixed") return {};
    return {
      Container(container) {
        for (const item of seqItems(getSeq(container.node, "volumeMounts"))) {
          const mount = asMap(item);
          if (!mount) continue;
          for (const field of ["subPath", "subPathExpr"] as const) {
            const pair = getPair(mount, field);
            const value = scalarString(pair?.value ?? null);
            // An empty subPath is no subPath: the volume root is mounted.
            if (!pair || value === null || value === "") continue;
            context.report({
              node: pair,
              messageId: exp.kind,
              data: { container: containerLabel(container), volume: scalarString(getPair(mount, "name")?.value ?? null) ?? "?", field, value, version: exp.version, fixed: exp.fixed },
            });
          }
        }
      },
    };
  },
});
