/**
 * @fileoverview container-runtime-socket: a hostPath volume that exposes the container runtime's
 * socket (Docker, containerd, CRI-O, Podman) gives full control of every container on the node.
 */
import { createRule } from "../src/rule.js";
import { asMap, getPair, scalarString } from "../src/language/query.js";
import { exposedRuntimeSocket, normaliseHostPath, podVolumes, volumeSource } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "container-runtime-socket",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow mounting the container runtime socket",
      severity: "critical",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: host paths" },
      equivalents: { "kube-linter": ["docker-sock"], checkov: ["CKV_K8S_27"], trivy: ["KSV006"], kubescape: ["C-0074"], kubesec: ["DockerSock"] },
    },
    messages: {
      socket:
        "Volume '{{volume}}' mounts the node's '{{path}}', which exposes the container runtime socket '{{socket}}': whoever can connect to it can start privileged containers and take over the node.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const v of podVolumes(podSpec)) {
          const src = volumeSource(v, "hostPath");
          const pathPair = getPair(asMap(src?.value ?? null), "path");
          const raw = scalarString(pathPair?.value ?? null);
          if (!pathPair || raw === null) continue;
          const socket = exposedRuntimeSocket(normaliseHostPath(raw));
          if (!socket) continue;
          context.report({ node: pathPair, messageId: "socket", data: { volume: v.name ?? "?", path: raw, socket } });
        }
      },
    };
  },
});
