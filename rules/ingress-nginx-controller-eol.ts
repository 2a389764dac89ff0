/**
 * @fileoverview ingress-nginx-controller-eol: a container running the ingress-nginx controller
 * (registry.k8s.io/ingress-nginx/controller, its k8s.gcr.io predecessor, or the pre-1.0
 * quay.io/kubernetes-ingress-controller/nginx-ingress-controller). The 0.x line ended with 1.0
 * (2021), and Kubernetes SIG Network retired the ingress-nginx project (announced 2025-11-11:
 * best-effort maintenance until March 2026, no releases or security fixes after that).
 */
import { createRule } from "../src/rule.js";
import { imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

const REPOS = ["registry.k8s.io/ingress-nginx/controller", "registry.k8s.io/ingress-nginx/controller-chroot", "k8s.gcr.io/ingress-nginx/controller", "quay.io/kubernetes-ingress-controller/nginx-ingress-controller"];

export default createRule({
  name: "ingress-nginx-controller-eol",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report ingress-nginx controllers, whose project is retired",
      severity: "info",
      presets: ["all"],
      equivalents: { kubescape: ["C-0292"] },
    },
    messages: {
      old: "Container '{{name}}' runs ingress-nginx controller {{version}}: the 0.x line is end-of-life since 1.0 (2021) and has known CVEs (e.g. CVE-2021-25742); the ingress-nginx project itself is retired since March 2026. Migrate to a maintained controller or Gateway API implementation.",
      retired: "Container '{{name}}' runs the ingress-nginx controller ({{version}}): the ingress-nginx project is retired (no releases or security fixes after March 2026). Plan a migration to a maintained controller or Gateway API implementation.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(c) {
        const img = imageOf(c);
        const ref = img ? parseImage(img.value) : null;
        if (!img || !ref) return;
        const repo = `${ref.registry}/${ref.repository}`.toLowerCase();
        if (!REPOS.includes(repo)) return;
        const tag = ref.tag ?? null;
        const version = tag ?? (ref.digest ? "pinned by digest" : "untagged");
        const m = tag ? /^v?(\d+)\./u.exec(tag) : null;
        context.report({ node: img.node, messageId: m && m[1] === "0" ? "old" : "retired", data: { name: c.name ?? `#${c.index}`, version } });
      },
    };
  },
});
