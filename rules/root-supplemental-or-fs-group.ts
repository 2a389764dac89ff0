/**
 * @fileoverview root-supplemental-or-fs-group: the pod securityContext adds the root group (GID 0)
 * through `supplementalGroups` or `fsGroup` (volumes are then owned by GID 0 and group-writable).
 */
import { getNumber, getPair, getSeq, scalarNumber, seqItems } from "../src/language/query.js";
import { createRule } from "../src/rule.js";

export default createRule({
  name: "root-supplemental-or-fs-group",
  meta: {
    type: "problem",
    docs: {
      description: "Forbid the root group (GID 0) in supplementalGroups and fsGroup",
      severity: "low",
      presets: [],
      standards: { pss: "optional \"Non-root groups\" control (not enforced by Pod Security Admission)", nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: { trivy: ["KSV116"], kubescape: ["C-0211"] },
    },
    messages: {
      supplemental: "The pod securityContext lists GID 0 in supplementalGroups: every container process is a member of the root group.",
      fsGroup: "The pod securityContext sets fsGroup: 0: supported volumes are owned by the root group and every container process joins it.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        const sc = podSpec.securityContext;
        for (const item of seqItems(getSeq(sc, "supplementalGroups"))) if (scalarNumber(item) === 0) context.report({ node: item, messageId: "supplemental" });
        if (getNumber(sc, "fsGroup") === 0) context.report({ node: getPair(sc, "fsGroup")!, messageId: "fsGroup" });
      },
    };
  },
});
