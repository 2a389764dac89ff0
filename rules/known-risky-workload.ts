/**
 * @fileoverview known-risky-workload: workloads with a history of cluster takeovers: Helm v2's
 * Tiller (unauthenticated gRPC with cluster-admin) and the Kubernetes Dashboard.
 */
import { createRule } from "../src/rule.js";
import type { ContainerNode } from "../src/language/ast.js";
import { getSeq, scalarString, seqItems } from "../src/language/query.js";
import { imageOf, labelsOf, parseImage } from "../src/k8s-helpers/part-b.js";

type Product = "tiller" | "dashboard";

function productOfImage(c: ContainerNode): Product | null {
  const img = imageOf(c);
  const ref = img ? parseImage(img.value) : null;
  if (!ref) return null;
  const repo = ref.repository.toLowerCase();
  if (repo.split("/").pop()!.includes("tiller")) return "tiller";
  if (repo.includes("kubernetes-dashboard") || repo.startsWith("kubernetesui/")) return "dashboard";
  return null;
}

/** Whether Tiller is told to listen on the loopback interface only (`--listen=localhost:44134`). */
function tillerListensLocally(c: ContainerNode): boolean {
  const words = ["command", "args"].flatMap((k) => seqItems(getSeq(c.node, k)).map((n) => scalarString(n) ?? ""));
  return words.some((w, i) => {
    const v = w.startsWith("--listen=") ? w.slice("--listen=".length) : w === "--listen" ? (words[i + 1] ?? "") : null;
    return v !== null && /^(localhost|127\.0\.0\.1|\[::1\]):/u.test(v);
  });
}

const EXPLAIN: Record<Product, string> = {
  tiller: "Helm v2's Tiller serves an unauthenticated gRPC API that installs anything with its (usually cluster-admin) service account; Helm v2 is unsupported since 2020",
  dashboard: "the Kubernetes Dashboard exposes a web UI to the cluster and has been the entry point of several cluster takeovers; use kubectl or a hardened, authenticated UI instead",
};

export default createRule({
  name: "known-risky-workload",
  meta: {
    type: "problem",
    docs: {
      description: "Report known risky workloads (Helm v2 Tiller, Kubernetes Dashboard)",
      severity: "high",
      presets: ["recommended"],
      equivalents: { checkov: ["CKV_K8S_34", "CKV_K8S_45", "CKV_K8S_33"], trivy: ["KSV102"], kubescape: ["C-0014"] },
    },
    messages: {
      byImage: "Container '{{name}}' runs {{what}} (image '{{image}}'): {{explain}}.{{extra}}",
      byLabel: "This workload is labelled {{label}}={{value}}, which identifies {{what}}: {{explain}}.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      PodSpec(podSpec) {
        let found = false;
        for (const c of podSpec.containers) {
          const product = productOfImage(c);
          if (!product) continue;
          found = true;
          const img = imageOf(c)!;
          const extra = product === "tiller" && !tillerListensLocally(c) ? " It also listens on all interfaces (no --listen=localhost:44134)." : "";
          context.report({
            node: img.node,
            messageId: "byImage",
            data: { name: c.name ?? `#${c.index}`, what: product === "tiller" ? "Helm v2 Tiller" : "the Kubernetes Dashboard", image: img.value, explain: EXPLAIN[product], extra },
          });
        }
        if (found) return;
        for (const l of labelsOf(podSpec.resource, podSpec)) {
          const product: Product | null =
            (l.key === "app" && l.value === "helm") || (l.key === "name" && l.value === "tiller")
              ? "tiller"
              : (l.key === "app" || l.key === "k8s-app") && l.value === "kubernetes-dashboard"
                ? "dashboard"
                : null;
          if (!product) continue;
          context.report({ node: l.pair, messageId: "byLabel", data: { label: l.key, value: l.value, what: product === "tiller" ? "Helm v2 Tiller" : "the Kubernetes Dashboard", explain: EXPLAIN[product] } });
          return;
        }
      },
    };
  },
});
