/**
 * @fileoverview empty-dir-no-size-limit: an emptyDir without `sizeLimit` can grow until the node's
 * disk (or, with `medium: Memory`, the node's RAM) is exhausted.
 */
import { createRule } from "../src/rule.js";
import { asMap, getMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";

export default createRule({
  name: "empty-dir-no-size-limit",
  meta: {
    type: "problem",
    docs: {
      description: "Require a sizeLimit on emptyDir volumes",
      severity: "low",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      disk: "emptyDir volume '{{volume}}' has no sizeLimit: it can fill the node's disk until the kubelet evicts pods (low).",
      memory:
        "emptyDir volume '{{volume}}' uses medium: Memory without a sizeLimit: it is a tmpfs that can grow until the node runs out of memory, and its usage counts against the container's memory limit (medium).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const item of seqItems(getSeq(podSpec.node, "volumes"))) {
          const vol = asMap(item);
          const edPair = getPair(vol, "emptyDir");
          if (!edPair) continue;
          const ed = getMap(vol, "emptyDir");
          const limit = scalarString(getPair(ed, "sizeLimit")?.value);
          if (limit !== null && limit !== "" && limit !== "0") continue;
          const memory = scalarString(getPair(ed, "medium")?.value) === "Memory";
          context.report({ node: edPair.key ?? edPair, messageId: memory ? "memory" : "disk", data: { volume: scalarString(getPair(vol, "name")?.value) ?? "?" } });
        }
      },
    };
  },
});
