/**
 * @fileoverview image-mutable-tag: an image without a tag or digest, or tagged `latest`, can change
 * under the same name: which code runs depends on when a node pulled it.
 */
import { createRule } from "../src/rule.js";
import { containerKindLabel, containerName, imageOf, parseImage } from "../src/k8s-helpers/part-b.js";

export default createRule({
  name: "image-mutable-tag",
  meta: {
    type: "problem",
    docs: {
      description: "Require images to name a version tag or digest (not latest)",
      severity: "medium",
      presets: ["recommended"],
      standards: { nsa: "Kubernetes Pod security: image scanning and provenance" },
      equivalents: {
        "kube-linter": ["latest-tag"],
        polaris: ["tagNotSpecified"],
        checkov: ["CKV_K8S_14"],
        trivy: ["KSV013"],
        kubescape: ["C-0075", "C-0304"],
        "kube-score": ["container-image-tag"],
      },
    },
    messages: {
      noTag: "{{containerKind}} '{{name}}' uses image '{{image}}' without a tag or digest, which means ':latest': the code that runs changes whenever the image is pushed again.",
      latest: "{{containerKind}} '{{name}}' uses image '{{image}}' with the mutable tag 'latest': the code that runs changes whenever the image is pushed again.",
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
        if (ref.tag !== null && ref.tag !== "latest") return;
        context.report({
          node: img.node,
          messageId: ref.tag === null ? "noTag" : "latest",
          data: { containerKind: containerKindLabel(container.containerKind), name: containerName(container), image: img.value },
        });
      },
    };
  },
});
