/**
 * @fileoverview fs-group-unset (opt-in): the pod securityContext sets no `fsGroup` (volume files keep
 * whatever group they have), or its `fsGroupChangePolicy` is not `Always` or `OnRootMismatch`.
 */
import { getPair, getString } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { isWindowsPod, podAnchor } from "./shared/_part-a.js";

export default createRule({
  name: "fs-group-unset",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require fsGroup and fsGroupChangePolicy in the pod securityContext (opt-in)",
      severity: "info",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: non-root containers" },
      equivalents: { kubescape: ["C-0211"] },
    },
    messages: {
      fsGroupUnset: "The pod securityContext sets no fsGroup: files on its volumes keep their own group, so a non-root process may need write access through other means.",
      policyUnset: "The pod securityContext sets no fsGroupChangePolicy: set Always or OnRootMismatch to state how volume ownership is changed.",
      policyInvalid: "fsGroupChangePolicy: {{value}} is not one of Always, OnRootMismatch.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        // fsGroup does not apply to Windows pods.
        if (!podSpec.containers.length || isWindowsPod(podSpec)) return;
        const sc = podSpec.securityContext;
        if (!getPair(sc, "fsGroup")) context.report({ node: podAnchor(podSpec), messageId: "fsGroupUnset" });
        const policyPair = getPair(sc, "fsGroupChangePolicy");
        const policy = getString(sc, "fsGroupChangePolicy");
        if (!policyPair) context.report({ node: podAnchor(podSpec), messageId: "policyUnset" });
        else if (policy !== "Always" && policy !== "OnRootMismatch") context.report({ node: policyPair, messageId: "policyInvalid", data: { value: policy ?? "null" } });
      },
    };
  },
});
