/**
 * @fileoverview image-not-digest-pinned (opt-in): an image reference without a digest can point to
 * different content over time, even with a version tag.
 */
import { createRule } from "../src/rule.js";
import { containerKindLabel, containerName, imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "image-not-digest-pinned",
  meta: {
    type: "suggestion",
    docs: {
      description: "Require images to be pinned by digest",
      severity: "low",
      presets: [],
      standards: { nsa: "Kubernetes Pod security: image scanning and provenance" },
      equivalents: { checkov: ["CKV_K8S_43"], kubescape: ["C-0306"] },
    },
    messages: {
      noDigest: "{{containerKind}} '{{name}}' uses image '{{image}}' without a digest (@sha256:…): tags can be moved to different content.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Container(container) {
        const img = imageOf(container);
        const ref = img ? parseImage(img.value) : null;
        if (!img || !ref || ref.digest) return;
        context.report({ node: img.node, messageId: "noDigest", data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), image: img.value } });
      },
    };
  },
});
