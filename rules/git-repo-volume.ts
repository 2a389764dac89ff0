/**
 * @fileoverview git-repo-volume: the deprecated in-tree `gitRepo` volume runs `git` on the node as
 * root with pod-controlled arguments (CVE-2024-10220: command execution on the node).
 */
import { createRule } from "../src/rule.js";
import { podVolumes, volumeSource } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "git-repo-volume",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow gitRepo volumes",
      severity: "high",
      presets: ["recommended", "restricted"],
      standards: { pss: "restricted: Volume Types" },
      equivalents: { trivy: ["KSV028"] },
    },
    messages: {
      gitRepo:
        "Volume '{{volume}}' is a gitRepo volume: the kubelet runs git on the node as root with the pod's arguments (CVE-2024-10220 allowed command execution on the node), and the plugin is deprecated. Clone in an init container into an emptyDir instead.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const v of podVolumes(podSpec)) {
          const src = volumeSource(v, "gitRepo");
          if (src) context.report({ node: src.key ?? src, messageId: "gitRepo", data: { volume: v.name ?? "?" } });
        }
      },
    };
  },
});
