/**
 * @fileoverview The Kubernetes version a run targets (`settings.kubeguard.kubernetesVersion`) and
 * version comparisons: the one place rules read it from.
 */

/** The version assumed when `settings.kubeguard.kubernetesVersion` is not set. */
export const DEFAULT_KUBERNETES_VERSION = "1.34";

export type KubeVersion = [number, number];

/** `[major, minor]` of "1.35", "v1.35.2"; null when it does not parse. */
export function parseKubeVersion(v: unknown): KubeVersion | null {
  const m = /^v?(\d+)\.(\d+)/u.exec(String(v ?? "").trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Compare two versions: negative, zero or positive. */
export function compareKubeVersions(a: KubeVersion, b: KubeVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Whether the version `v` is at least `major.minor`. */
export function versionAtLeast(v: KubeVersion, major: number, minor: number): boolean {
  return compareKubeVersions(v, [major, minor]) >= 0;
}

/** The target version from rule settings (default {@link DEFAULT_KUBERNETES_VERSION}). */
export function targetVersionOf(settings: { kubeguard?: { kubernetesVersion?: unknown } }): KubeVersion {
  return parseKubeVersion(settings.kubeguard?.kubernetesVersion) ?? parseKubeVersion(DEFAULT_KUBERNETES_VERSION)!;
}
