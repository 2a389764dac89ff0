/**
 * @fileoverview mounted-sensitive-data (info): containers that mount Secret, PersistentVolumeClaim or
 * ConfigMap volumes: attack-path context (what an attacker in this container can read).
 */
import { createRule } from "../src/rule.js";
import { asMap, getString, keyName } from "../src/language/query.js";
import { containerKindLabel, containerName, podVolumes, volumeMounts } from "../src/k8s-helpers/part-b.js";

const KINDS: Record<string, { label: string; refKey: string }> = {
  secret: { label: "Secret", refKey: "secretName" },
  persistentVolumeClaim: { label: "PersistentVolumeClaim", refKey: "claimName" },
  configMap: { label: "ConfigMap", refKey: "name" },
};

export default createRule({
  name: "mounted-sensitive-data",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report containers that mount Secrets, PersistentVolumeClaims or ConfigMaps (attack-path context)",
      severity: "info",
      presets: [],
      equivalents: { kubescape: ["C-0255", "C-0257", "C-0258"] },
    },
    messages: {
      mounted: "{{containerKind}} '{{name}}' mounts {{kind}} '{{object}}' (volume '{{volume}}') at '{{mountPath}}': anyone who compromises this container can read it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(container) {
        const volumes = new Map(podVolumes(container.podSpec).filter((v) => v.name !== null).map((v) => [v.name!, v]));
        for (const m of volumeMounts(container)) {
          const v = m.name === null ? undefined : volumes.get(m.name);
          if (!v) continue;
          for (const src of v.sources) {
            const kind = KINDS[keyName(src)!];
            if (!kind) continue;
            context.report({
              node: m.node.pairs.find((p) => keyName(p) === "name") ?? m.node,
              messageId: "mounted",
              data: {
                containerKind: containerKindLabel(container.containerKind),
                name: containerName(container),
                kind: kind.label,
                object: getString(asMap(src.value), kind.refKey) ?? "?",
                volume: m.name!,
                mountPath: getString(m.node, "mountPath") ?? "?",
              },
            });
          }
        }
      },
    };
  },
});
