/**
 * @fileoverview security-context-missing: the pod has no (or an empty) `securityContext`, or a
 * container has none. The specific rules say what to put there; this one flags the blank slate.
 */
import { asMap, asScalar } from "../src/language/query.js";
import { createRule } from "../src/rule.js";
import { containerAnchor, containerLabel, podAnchor } from "./shared/_part-a.js";
import { getPair } from "../src/language/query.js";

export default createRule({
  name: "security-context-missing",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require a non-empty securityContext on the pod and on every container",
      severity: "low",
      presets: [],
      standards: { nsa: "Kubernetes Pod security" },
      equivalents: { checkov: ["CKV_K8S_29", "CKV_K8S_30"], trivy: ["KSV118"] },
    },
    messages: {
      pod: "The pod spec has {{state}} securityContext: every pod-level default applies (runAsNonRoot, seccompProfile, fsGroup, … unset).",
      container: "{{container}} has {{state}} securityContext: every container-level default applies (privilege escalation allowed, writable root filesystem, default capabilities, …).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const state = (pair: ReturnType<typeof getPair>): "no" | "an empty" | null => {
      if (!pair) return "no";
      const m = asMap(pair.value);
      if (m) return m.pairs.length ? null : "an empty";
      return asScalar(pair.value)?.value === null || !pair.value ? "an empty" : null;
    };
    return {
      PodSpec(podSpec) {
        if (!podSpec.containers.length) return;
        const podPair = getPair(podSpec.node, "securityContext");
        const ps = state(podPair);
        if (ps) context.report({ node: podPair ?? podAnchor(podSpec), messageId: "pod", data: { state: ps } });
        for (const c of podSpec.containers) {
          const s = state(c.securityContextPair);
          if (s) context.report({ node: c.securityContextPair ?? containerAnchor(c), messageId: "container", data: { container: containerLabel(c), state: s } });
        }
      },
    };
  },
});
