/**
 * @fileoverview host-path-volume: a `hostPath` volume mounts a file or directory of the node into
 * the pod. PSS baseline "HostPath Volumes" forbids it (and restricted's "Volume Types").
 */
import { createRule } from "../src/rule.js";
import { getString, asMap } from "../src/language/query.js";
import { podVolumes, volumeSource } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "host-path-volume",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hostPath volumes",
      severity: "high",
      presets: ["recommended", "baseline", "restricted"],
      standards: { pss: "baseline: HostPath Volumes; restricted: Volume Types", cis: ["5.2.12"], nsa: "Kubernetes Pod security: immutable container file systems and host paths" },
      equivalents: { polaris: ["hostPathSet"], trivy: ["KSV023"], kubescape: ["C-0048"] },
    },
    messages: {
      hostPath: "Volume '{{volume}}' mounts the node's path '{{path}}' (hostPath): the pod reads or writes the node's filesystem, a common step to escape to the node.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const v of podVolumes(podSpec)) {
          const src = volumeSource(v, "hostPath");
          if (!src) continue;
          const path = getString(asMap(src.value), "path") ?? "(no path)";
          context.report({ node: src.key ?? src, messageId: "hostPath", data: { volume: v.name ?? "?", path } });
        }
      },
    };
  },
});
