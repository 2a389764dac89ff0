/**
 * @fileoverview node-name-set: `spec.nodeName` binds the pod to a node directly, bypassing the
 * scheduler and with it taints, node affinity and scheduling-based admission policies.
 */
import { createRule } from "../src/rule.js";
import { getPair, scalarString } from "../src/language/query.js";

export default createRule({
  name: "node-name-set",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow binding pods to a node with nodeName",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      nodeName:
        "The pod sets nodeName '{{node}}': it bypasses the scheduler (taints such as the control-plane taint, node affinity, and policies enforced at scheduling) and can land on any node, including control-plane nodes. Use nodeSelector or node affinity.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        const pair = getPair(podSpec.node, "nodeName");
        const node = scalarString(pair?.value);
        if (!pair || node === null || node === "") return;
        context.report({ node: pair, messageId: "nodeName", data: { node } });
      },
    };
  },
});
