/**
 * @fileoverview control-plane-toleration: a pod that tolerates the control-plane (or legacy master)
 * taint, or every taint, can be scheduled next to the API server, etcd and their credentials.
 */
import { createRule } from "../src/rule.js";
import { asMap, getPair, getSeq, scalarString, seqItems } from "../src/language/query.js";

const CONTROL_PLANE_KEYS = new Set(["node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master"]);

export default createRule({
  name: "control-plane-toleration",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow tolerating the control-plane taint",
      severity: "medium",
      presets: ["recommended"],
      equivalents: {},
    },
    messages: {
      controlPlane: "The pod tolerates the {{key}} taint: it can be scheduled on control-plane nodes, next to the API server, etcd and their credentials.",
      everything: "The pod tolerates every taint (operator: Exists without a key): it can be scheduled on control-plane nodes and on nodes reserved for other tenants.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        for (const item of seqItems(getSeq(podSpec.node, "tolerations"))) {
          const t = asMap(item);
          if (!t) continue;
          const keyPair = getPair(t, "key");
          const key = scalarString(keyPair?.value) ?? "";
          const operator = scalarString(getPair(t, "operator")?.value) ?? "Equal";
          if (key === "" && operator === "Exists") {
            context.report({ node: getPair(t, "operator") ?? t, messageId: "everything" });
          } else if (CONTROL_PLANE_KEYS.has(key) && keyPair) {
            context.report({ node: keyPair, messageId: "controlPlane", data: { key } });
          }
        }
      },
    };
  },
});
