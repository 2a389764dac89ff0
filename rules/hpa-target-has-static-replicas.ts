/**
 * @fileoverview hpa-target-has-static-replicas: a Deployment, StatefulSet or ReplicaSet that a
 * HorizontalPodAutoscaler of the run scales also sets `spec.replicas`. Every re-apply (kubectl
 * apply, a GitOps sync) resets the replica count the HPA chose — a scaled-out workload drops back
 * to the written number under load (kube-score
 * deployment-targeted-by-hpa-does-not-have-replicas-configured, KICS).
 *
 * Reported on the workload's `spec.replicas` (the line to delete), naming the HPA. Cross-document:
 * kubeguard's CLI and language server look at every file of the run; inside a user's own ESLint,
 * at the documents of one file.
 */
import { at, crossRule, keyOf } from "../src/crossdoc/index.js";
import { hpas, hpaTarget, nameOf } from "./shared/_crossdoc-identity.js";

const KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet"]);

export default crossRule({
  name: "hpa-target-has-static-replicas",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `spec.replicas` on workloads scaled by a HorizontalPodAutoscaler",
      severity: "low",
      presets: ["recommended"],
      equivalents: { "kube-score": ["deployment-targeted-by-hpa-does-not-have-replicas-configured"] },
    },
    messages: {
      replicas:
        "{{kind}} '{{name}}' sets `spec.replicas: {{replicas}}` but HorizontalPodAutoscaler '{{hpa}}' ({{where}}) scales it: every re-apply resets the replica count the HPA chose. Delete `spec.replicas` and let the HPA (minReplicas {{min}}) own it.",
    },
    schema: [],
  },
  defaultOptions: [],
  check({ index, report, where }) {
    const seen = new Set<object>();
    for (const h of hpas(index)) {
      const t = hpaTarget(index, h);
      if (!t.target || !KINDS.has(t.target.kind) || seen.has(t.target)) continue;
      const node = at(t.target.snap, "spec", "replicas");
      if (!node) continue;
      seen.add(t.target);
      report({
        obj: t.target,
        node: keyOf(node),
        messageId: "replicas",
        data: {
          kind: t.target.kind,
          name: nameOf(t.target),
          replicas: String(node.v ?? ""),
          hpa: nameOf(h),
          where: where(h, keyOf(t.node)),
          min: String(at(h.snap, "spec", "minReplicas")?.v ?? 1),
        },
        related: [{ obj: h, node: keyOf(t.node), message: `HorizontalPodAutoscaler '${nameOf(h)}' scales ${t.target.kind} '${nameOf(t.target)}'` }],
      });
    }
  },
});
