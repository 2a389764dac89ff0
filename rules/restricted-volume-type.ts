/**
 * @fileoverview restricted-volume-type: PSS restricted "Volume Types" allows only configMap, csi,
 * downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.
 */
import { createRule } from "../src/rule.js";
import { keyName } from "../src/language/query.js";
import { podVolumes } from "../src/k8s-helpers/part-b.js";

/** PSA's allow-list (policy/check_restrictedVolumes.go). */
export const RESTRICTED_ALLOWED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"]);
/** Forbidden types with their own rule (host-path-volume, git-repo-volume), left out here to avoid double reports. */
const OWN_RULE: Record<string, string> = { hostPath: "host-path-volume", gitRepo: "git-repo-volume" };

export default createRule({
  name: "restricted-volume-type",
  meta: {
    type: "problem",
    docs: {
      description: "Allow only the volume types of the restricted Pod Security Standard",
      severity: "medium",
      presets: ["restricted"],
      standards: { pss: "restricted: Volume Types" },
      equivalents: { trivy: ["KSV028"] },
    },
    messages: {
      volumeType:
        "Volume '{{volume}}' is of type {{type}}, which PSS restricted does not allow: it mounts storage directly from the node or a network server, outside the PersistentVolume abstraction and its access controls. Use a persistentVolumeClaim, csi, or one of configMap, secret, projected, downwardAPI, emptyDir, ephemeral, image.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const v of podVolumes(podSpec)) {
          for (const src of v.sources) {
            const type = keyName(src)!;
            if (RESTRICTED_ALLOWED_VOLUMES.has(type) || OWN_RULE[type]) continue;
            context.report({ node: src.key ?? src, messageId: "volumeType", data: { volume: v.name ?? "?", type } });
          }
        }
      },
    };
  },
});
