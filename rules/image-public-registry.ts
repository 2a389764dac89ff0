/**
 * @fileoverview image-public-registry: images pulled from a public registry (Docker Hub, GHCR)
 * depend on a third party's availability, rate limits and account security.
 */
import { createRule } from "../src/rule.js";
import { containerKindLabel, containerName, imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

const PUBLIC = new Set(["docker.io", "ghcr.io"]);

export default createRule({
  name: "image-public-registry",
  meta: {
    type: "suggestion",
    docs: {
      description: "Report images pulled from public registries (Docker Hub, GHCR)",
      severity: "low",
      presets: [],
      equivalents: { trivy: ["KSV034"], kubescape: ["C-0001"] },
    },
    messages: {
      publicRegistry:
        "{{containerKind}} '{{name}}' pulls '{{image}}' from the public registry {{registry}}{{implicit}}: mirror it into a registry you control (availability, rate limits, account takeover of the publisher).",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(container) {
        const img = imageOf(container);
        const ref = img ? parseImage(img.value) : null;
        if (!img || !ref || !PUBLIC.has(ref.registry)) return;
        context.report({
          node: img.node,
          messageId: "publicRegistry",
          data: {
            containerKind: containerKindLabel(container.containerKind),
            name: containerName(container),
            image: img.value,
            registry: ref.registry,
            implicit: ref.explicitRegistry ? "" : " (no registry host given, so Docker Hub)",
          },
        });
      },
    };
  },
});
