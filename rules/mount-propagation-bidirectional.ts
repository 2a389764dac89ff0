/**
 * @fileoverview mount-propagation-bidirectional: `mountPropagation: Bidirectional` propagates mounts
 * made in the container back to the host (and to every pod sharing the path); `HostToContainer` on a
 * hostPath exposes whatever the host later mounts beneath it.
 */
import { createRule } from "../src/rule.js";
import { asMap, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";
import { containerLabel } from "../src/k8s-helpers/part-c.js";

export default createRule({
  name: "mount-propagation-bidirectional",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow Bidirectional mount propagation, and HostToContainer on hostPath volumes",
      severity: "high",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      bidirectional:
        "{{container}} mounts '{{volume}}' with mountPropagation: Bidirectional: mounts made inside the container propagate to the host and to other pods (high).",
      hostToContainer:
        "{{container}} mounts hostPath volume '{{volume}}' with mountPropagation: HostToContainer: every mount the host later makes under {{path}} (other pods' volumes and secrets included) becomes visible in the container (medium).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        const hostPaths = new Map<string, string>();
        for (const v of seqItems(getSeq(c.podSpec.node, "volumes"))) {
          const vm = asMap(v);
          const hp = getMap(vm, "hostPath");
          const name = scalarString(getPair(vm, "name")?.value);
          if (hp && name !== null) hostPaths.set(name, scalarString(getPair(hp, "path")?.value) ?? "?");
        }
        for (const item of seqItems(getSeq(c.node, "volumeMounts"))) {
          const m = asMap(item);
          const pair = getPair(m, "mountPropagation");
          const mode = scalarString(pair?.value);
          if (!pair || mode === null) continue;
          const volume = scalarString(getPair(m, "name")?.value) ?? "?";
          if (mode === "Bidirectional") context.report({ node: pair, messageId: "bidirectional", data: { container: containerLabel(c), volume } });
          else if (mode === "HostToContainer" && hostPaths.has(volume)) {
            context.report({ node: pair, messageId: "hostToContainer", data: { container: containerLabel(c), volume, path: hostPaths.get(volume)! } });
          }
        }
      },
    };
  },
});
