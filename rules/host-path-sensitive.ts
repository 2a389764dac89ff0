/**
 * @fileoverview host-path-sensitive: a hostPath volume that exposes a sensitive node directory
 * (system binaries and configuration, kernel interfaces, kubelet/etcd state, credentials).
 */
import { createRule } from "../src/rule.js";
import { asMap, getPair, scalarString } from "../src/language/query.js";
import { exposedRuntimeSocket, isUnder, normaliseHostPath, podVolumes, volumeSource } from "../src/k8s-helpers/part-b.js";

/** Tool lists (kube-linter, Trivy, kubesec, Kubescape) plus kubeguard's additions; `/` matches only itself. */
export const SENSITIVE_HOST_PATHS = [
  "/", "/boot", "/dev", "/etc", "/lib", "/lib64", "/bin", "/sbin", "/proc", "/sys", "/usr",
  "/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet", "/var/lib/etcd", "/var/log",
  "/root", "/home", "/run",
  "/.aws", "/.azure", "/.config/gcloud",
];

type Options = [{ additionalPaths?: string[]; allowedPaths?: string[] }];

export default createRule<"sensitive", Options>({
  name: "host-path-sensitive",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hostPath volumes of sensitive node directories",
      severity: "critical",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: host paths" },
      equivalents: { "kube-linter": ["sensitive-host-mounts"], trivy: ["KSV121"], kubescape: ["C-0020"], kubesec: ["ProcMount"] },
    },
    messages: {
      sensitive:
        "Volume '{{volume}}' mounts the node's '{{path}}', which is {{where}} sensitive directory '{{dir}}': a container can read node secrets or tamper with the node through it.",
    },
    schema: [
      {
        type: "object",
        properties: {
          additionalPaths: { type: "array", items: { type: "string", pattern: "^/" }, uniqueItems: true, description: "More sensitive directories (absolute; a path under one also matches)." },
          allowedPaths: { type: "array", items: { type: "string", pattern: "^/" }, uniqueItems: true, description: "Exact host paths that are accepted (e.g. /var/log for a log collector)." },
        },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ additionalPaths: [], allowedPaths: [] }],
  create(context, [options]) {
    const dirs = [...SENSITIVE_HOST_PATHS, ...(options.additionalPaths ?? []).map(normaliseHostPath)];
    const allowed = new Set((options.allowedPaths ?? []).map(normaliseHostPath));
    return {
      PodSpec(podSpec) {
        for (const v of podVolumes(podSpec)) {
          const src = volumeSource(v, "hostPath");
          const pathPair = getPair(asMap(src?.value ?? null), "path");
          const raw = scalarString(pathPair?.value ?? null);
          if (!pathPair || raw === null) continue;
          const path = normaliseHostPath(raw);
          if (allowed.has(path)) continue;
          // Runtime sockets and their directories are container-runtime-socket's.
          if (exposedRuntimeSocket(path)) continue;
          // The most specific match names the directory.
          const dir = dirs.filter((d) => isUnder(path, d)).sort((a, b) => b.length - a.length)[0];
          if (!dir) continue;
          context.report({ node: pathPair, messageId: "sensitive", data: { volume: v.name ?? "?", path: raw, where: path === dir ? "the" : "under the", dir } });
        }
      },
    };
  },
});
